using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>Hashes that tell whether a parsed post is new, changed or the same as the stored one.</summary>
public static class ArticleFingerprint
{
    /// <summary>Everything the dump says about a post; any visible change alters it.</summary>
    public static string ContentHash(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = new StringBuilder();
        text.Append("title\u001f").Append(article.Title).Append('\u001e');
        foreach (var author in article.Authors)
        {
            text.Append("author\u001f").Append(author.Name).Append('\u001f').Append(author.Honorific).Append('\u001e');
        }
        text.Append("role\u001f").Append(article.Role).Append('\u001e');
        text.Append("standfirst\u001f").Append(article.Standfirst).Append('\u001e');
        text.Append("excerpt\u001f").Append(article.IsExcerpt ? '1' : '0').Append('\u001e');
        foreach (var block in article.Blocks)
        {
            text.Append((int)block.Kind).Append(block.Ordered ? 'o' : 'u').Append('\u001f').Append(block.Text).Append('\u001e');
        }
        foreach (var bio in article.Bios)
        {
            text.Append("bio\u001f").Append(bio.AuthorIndex).Append('\u001f').Append(bio.Text).Append('\u001e');
        }
        // Fields that listing pages added later are hashed only when present, so a post that has none
        // keeps the hash it was stored with and a re-import of an old dump still reads as unchanged.
        foreach (var author in article.Authors.Where(author => author.PostNominals is not null))
        {
            text.Append("letters\u001f").Append(author.Name).Append('\u001f').Append(author.PostNominals).Append('\u001e');
        }
        foreach (var author in article.Authors.Where(author => author.Role is not null))
        {
            text.Append("own role\u001f").Append(author.Name).Append('\u001f').Append(author.Role).Append('\u001e');
        }
        if (article.Published is { } published)
        {
            text.Append("published\u001f").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\u001e');
        }
        foreach (var caption in article.Captions)
        {
            text.Append("caption\u001f").Append(caption.Text).Append('\u001e');
        }
        foreach (var keyword in article.Keywords)
        {
            text.Append("keyword\u001f").Append(keyword).Append('\u001e');
        }
        return Hash(text.ToString());
    }

    /// <summary>The first author and the opening words of the body, folded: survives a retitled post.</summary>
    public static string OpeningKey(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var author = article.Authors.Count > 0 ? PersonName.Key(article.Authors[0].Name) : "";
        var opening = article.Blocks.Count > 0 ? article.Blocks[0].Text : article.Standfirst ?? article.Title;
        var folded = TextFolding.Fold(opening);
        return Hash(author + "\n" + (folded.Length > 200 ? folded[..200] : folded))[..32];
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
