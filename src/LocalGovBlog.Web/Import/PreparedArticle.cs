using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>A parsed post with everything the importer derives from it before touching the store.</summary>
internal sealed record PreparedArticle(ParsedArticle Parsed, string Text, IReadOnlyList<CanonicalText.BlockSpan> Spans,
    string BaseSlug, string ContentHash, string OpeningKey, IReadOnlyList<string> AuthorKeys)
{
    public static PreparedArticle From(ParsedArticle parsed)
    {
        var (text, spans) = CanonicalText.Compose(parsed.Blocks);
        return new PreparedArticle(parsed, text, spans, Slug.From(parsed.Title),
            ArticleFingerprint.ContentHash(parsed), ArticleFingerprint.OpeningKey(parsed),
            parsed.Authors.Select(a => PersonName.Key(a.Name)).ToList());
    }
}
