namespace LocalGovBlog.IntegrationTests.Api;

// The JSON API's field names as product.md section 5 fixes them; deserialising into these
// records (case-sensitive web defaults) is what checks the names.
public sealed record AuthorRef(string Slug, string Name);

public sealed record ArticleSummary(string Slug, string Title, List<AuthorRef> Authors, string? Role, bool IsExcerpt, string? Standfirst, List<string> Themes, DateOnly? Published = null);

public sealed record ArticlePage(List<ArticleSummary> Items, int Page, int Total);

public sealed record ArticleAuthor(string Slug, string Name, string? Role, string? Bio);

public sealed record Block(string Kind, int Start, int End, bool Ordered);

public sealed record ArticleDetail(string Slug, string Title, List<ArticleAuthor> Authors, string? Standfirst, bool IsExcerpt, string Text, List<Block> Blocks,
    string? Role = null, DateOnly? Published = null, List<string>? Captions = null, List<string>? Keywords = null);

public sealed record AuthorSummary(string Slug, string Name, string? Role, string? Bio, int ArticleCount);
