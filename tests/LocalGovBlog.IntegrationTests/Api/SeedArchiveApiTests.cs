using System.Net;
using System.Net.Http.Json;

namespace LocalGovBlog.IntegrationTests.Api;

/// <summary>What a newcomer gets on first start: the three seed posts, read back through the API.</summary>
public sealed class SeedArchiveApiTests : ArchiveTest
{
    private HttpClient _client = null!;

    public override ValueTask InitializeAsync()
    {
        _client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Articles_ListsExactlyTheThreeSeedPostsInSourceOrder()
    {
        var page = await _client.GetFromJsonAsync<ArticlePage>("/api/articles", ApiJson.Strict, Cancel);

        Assert.NotNull(page);
        Assert.Equal(3, page.Total);
        Assert.Equal(
            ["Cities will need to lead the way\u00A0post-Brexit", "Creating our fate through our own\u00A0behaviours", "Catherine Staite reflects on the need for 21st century partnerships in\u00A0Birmingham"],
            page.Items.Select(a => a.Title));
        Assert.Equal(["Paul Bunyan", "Anthony Mason", "Catherine Staite"], page.Items.Select(a => Assert.Single(a.Authors).Name));
        Assert.Equal([null, "Senior Associate INLOGOV", "Director, INLOGOV"], page.Items.Select(a => a.Role));
        Assert.Equal([true, false, false], page.Items.Select(a => a.IsExcerpt));
    }

    [Fact]
    public async Task Article_FirstPostKeepsTheQuotationAsAQuoteBlock()
    {
        var article = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/cities-will-need-to-lead-the-way-post-brexit", ApiJson.Strict, Cancel);

        Assert.NotNull(article);
        var quote = Assert.Single(article.Blocks, b => b.Kind == "quote");
        var quoted = article.Text[quote.Start..quote.End];
        Assert.StartsWith("The maps of how people voted", quoted);
        Assert.EndsWith("voted to leave\u201D.", quoted);
        Assert.DoesNotContain("Continue reading", article.Text);
    }

    [Theory]
    [InlineData("creating-our-fate-through-our-own-behaviours", "Anthony Mason", "Anthony Mason is a senior associate at INLOGOV")]
    [InlineData("catherine-staite-reflects-on-the-need-for-21st-century-partnerships-in-birmingham", "Catherine Staite", "Catherine Staite\u00A0is the Director of INLOGOV")]
    public async Task Article_SignOffIsNotBodyTextAndTheBioBelongsToTheAuthor(string slug, string author, string bioOpening)
    {
        var article = await _client.GetFromJsonAsync<ArticleDetail>($"/api/articles/{slug}", ApiJson.Strict, Cancel);

        Assert.NotNull(article);
        var lastBlock = article.Blocks[^1];
        Assert.NotEqual(author, article.Text[lastBlock.Start..lastBlock.End].Trim());
        Assert.DoesNotContain(bioOpening, article.Text);
        var byline = Assert.Single(article.Authors);
        Assert.Equal(author, byline.Name);
        Assert.StartsWith(bioOpening, byline.Bio);
    }

    [Fact]
    public async Task Article_BlockOffsetsCoverTheCanonicalTextJoinedByBlankLines()
    {
        var article = await _client.GetFromJsonAsync<ArticleDetail>("/api/articles/creating-our-fate-through-our-own-behaviours", ApiJson.Strict, Cancel);

        Assert.NotNull(article);
        var rebuilt = string.Join("\n\n", article.Blocks.Select(b => article.Text[b.Start..b.End]));
        Assert.Equal(article.Text, rebuilt);
        Assert.Equal(7, article.Blocks.Count);
    }

    [Fact]
    public async Task Article_UnknownSlugIsAProblemDetails404()
    {
        var response = await _client.GetAsync("/api/articles/no-such-post", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-post", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Articles_RejectsAPageBelowOne()
    {
        var response = await _client.GetAsync("/api/articles?page=0", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("staite", "Catherine Staite")]
    [InlineData("CATHERINE", "Catherine Staite")]
    [InlineData("Professor Staite", "Catherine Staite")]
    [InlineData("mason", "Anthony Mason")]
    public async Task Authors_FindsByAnyPartOfTheNameIgnoringCaseAndHonorifics(string query, string expected)
    {
        var authors = await _client.GetFromJsonAsync<List<AuthorSummary>>($"/api/authors?q={Uri.EscapeDataString(query)}", ApiJson.Strict, Cancel);

        var author = Assert.Single(authors!);
        Assert.Equal(expected, author.Name);
        Assert.Equal(1, author.ArticleCount);
    }

    [Fact]
    public async Task Authors_WithoutAQueryListsEveryAuthorWithRoleAndBio()
    {
        var authors = await _client.GetFromJsonAsync<List<AuthorSummary>>("/api/authors", ApiJson.Strict, Cancel);

        Assert.NotNull(authors);
        Assert.Equal(["Anthony Mason", "Catherine Staite", "Paul Bunyan"], authors.Select(a => a.Name));
        var mason = authors.Single(a => a.Name == "Anthony Mason");
        Assert.Equal("Senior Associate INLOGOV", mason.Role);
        Assert.StartsWith("Anthony Mason is a senior associate", mason.Bio);
    }

    [Fact]
    public async Task Health_ReportsHealthyWhenTheStoreAnswers()
    {
        var response = await _client.GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }
}
