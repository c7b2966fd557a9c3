using System.Text.Json;
using System.Text.Json.Serialization;

namespace LocalGovBlog.IntegrationTests.Api;

// The JSON API's field names as product.md section 5 fixes them. Read with ApiJson.Strict, these records
// check the names themselves: exact case, no field the record does not name, none it names missing
// (a member with a default may be absent, as the API leaves out nulls).
public sealed record AuthorRef(string Slug, string Name);

public sealed record ArticleSummary(string Slug, string Title, List<AuthorRef> Authors, bool IsExcerpt, List<string> Themes,
    string? Role = null, string? Standfirst = null, DateOnly? Published = null);

public sealed record ArticlePage(List<ArticleSummary> Items, int Page, int Total);

public sealed record ArticleAuthor(string Slug, string Name, string? Role = null, string? Bio = null);

public sealed record Block(string Kind, int Start, int End, bool Ordered);

public sealed record ArticleDetail(string Slug, string Title, List<ArticleAuthor> Authors, bool IsExcerpt, List<string> Captions,
    List<string> Keywords, string Text, List<Block> Blocks, List<JsonElement> Annotations,
    string? Standfirst = null, string? Role = null, DateOnly? Published = null);

public sealed record AuthorSummary(string Slug, string Name, int ArticleCount, string? Role = null, string? Bio = null);

public static class ApiJson
{
    /// <summary>Web naming (camelCase) without the web defaults' leniency: a renamed, extra or missing field fails.</summary>
    public static JsonSerializerOptions Strict { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };
}
