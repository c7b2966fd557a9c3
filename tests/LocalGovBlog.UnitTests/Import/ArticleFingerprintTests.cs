using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

public sealed class ArticleFingerprintTests
{
    private static ParsedArticle Post(string title = "Devolution deals", string author = "Jane Doe", string body = "The first paragraph.", bool excerpt = false) => new()
    {
        Ordinal = 0,
        Title = title,
        TitleLine = 1,
        Authors = [new ParsedAuthor(author, null)],
        BylineLine = 3,
        Blocks = [new ParsedBlock(BlockKind.Paragraph, body, 5, 5)],
        IsExcerpt = excerpt,
    };

    [Fact]
    public void ContentHash_IsTheSameForTheSamePost() =>
        Assert.Equal(ArticleFingerprint.ContentHash(Post()), ArticleFingerprint.ContentHash(Post()));

    [Fact]
    public void ContentHash_ChangesWithAnyVisibleChange()
    {
        var hashes = new[]
        {
            ArticleFingerprint.ContentHash(Post()),
            ArticleFingerprint.ContentHash(Post(title: "Devolution deals!")),
            ArticleFingerprint.ContentHash(Post(body: "The first paragraph, edited.")),
            ArticleFingerprint.ContentHash(Post(excerpt: true)),
            ArticleFingerprint.ContentHash(Post() with { Role = "Lecturer, INLOGOV" }),
            ArticleFingerprint.ContentHash(Post() with { Blocks = [new ParsedBlock(BlockKind.Quote, "The first paragraph.", 5, 5)] }),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void ContentHash_ChangesWhenACoAuthorsOwnRoleChanges()
    {
        static ParsedArticle CoAuthored(string? secondRole) => Post() with
        {
            Authors = [new ParsedAuthor("Jane Doe", null, Role: "Lecturer"), new ParsedAuthor("John Smith", null, Role: secondRole)],
        };

        var hashes = new[]
        {
            ArticleFingerprint.ContentHash(CoAuthored("Research Fellow")),
            ArticleFingerprint.ContentHash(CoAuthored("Professor of Public Policy")),
            ArticleFingerprint.ContentHash(CoAuthored(null)),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.Equal(hashes[0], ArticleFingerprint.ContentHash(CoAuthored("Research Fellow")));
    }

    [Fact]
    public void ContentHash_DoesNotDependOnWhereThePostSitsInTheFile() =>
        Assert.Equal(ArticleFingerprint.ContentHash(Post()), ArticleFingerprint.ContentHash(Post() with { Ordinal = 7, TitleLine = 91, BylineLine = 93 }));

    [Fact]
    public void OpeningKey_SurvivesANewTitleButNotANewAuthor()
    {
        Assert.Equal(ArticleFingerprint.OpeningKey(Post()), ArticleFingerprint.OpeningKey(Post(title: "A different title")));
        Assert.Equal(ArticleFingerprint.OpeningKey(Post()), ArticleFingerprint.OpeningKey(Post(author: "Dr JANE  Doe")));
        Assert.NotEqual(ArticleFingerprint.OpeningKey(Post()), ArticleFingerprint.OpeningKey(Post(author: "John Smith")));
    }
}
