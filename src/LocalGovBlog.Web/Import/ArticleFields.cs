using LocalGovBlog.Web.Data;

namespace LocalGovBlog.Web.Import;

/// <summary>Copies what the dump says about a post onto its stored article: everything but identity and timestamps.</summary>
internal static class ArticleFields
{
    public static void Apply(Article article, PreparedArticle post, IReadOnlyDictionary<string, Author> authors)
    {
        var parsed = post.Parsed;
        article.Title = parsed.Title;
        article.Text = post.Text;
        article.ContentHash = post.ContentHash;
        article.OpeningKey = post.OpeningKey;
        article.Standfirst = parsed.Standfirst;
        article.IsExcerpt = parsed.IsExcerpt;
        article.Published = parsed.Published;
        article.Captions = parsed.Captions.Count == 0 ? null : string.Join('\n', parsed.Captions.Select(caption => caption.Text));
        article.Keywords = parsed.Keywords.Count == 0 ? null : string.Join('\n', parsed.Keywords);
        article.WordCount = CanonicalText.CountWords(post.Text);

        article.Blocks.Clear();
        for (var i = 0; i < parsed.Blocks.Count; i++)
        {
            var block = parsed.Blocks[i];
            article.Blocks.Add(new ArticleBlock
            {
                Ordinal = i,
                Kind = block.Kind,
                Ordered = block.Ordered,
                Start = post.Spans[i].Start,
                End = post.Spans[i].End,
            });
        }
        LinkAuthors(article, parsed, post.AuthorKeys, authors);
    }

    /// <summary>
    /// The byline's authors in order, each with the role (their own, or the one they share) and bio this post gives them. An author's own
    /// <see cref="Author.Role"/> and <see cref="Author.Bio"/> follow the latest post that gives one.
    /// </summary>
    private static void LinkAuthors(Article article, ParsedArticle parsed, IReadOnlyList<string> keys, IReadOnlyDictionary<string, Author> authors)
    {
        var links = new List<ArticleAuthor>();
        for (var i = 0; i < parsed.Authors.Count; i++)
        {
            var author = authors[keys[i]];
            if (links.Any(l => ReferenceEquals(l.Author, author) || (author.Id != 0 && l.AuthorId == author.Id)))
            {
                continue; // the same person named twice in one byline
            }
            var bio = BioFor(parsed, i);
            var link = article.Authors.FirstOrDefault(l => author.Id != 0 && l.AuthorId == author.Id) ?? new ArticleAuthor { Author = author };
            link.Position = links.Count;
            link.Honorific = parsed.Authors[i].Honorific;
            link.PostNominals = parsed.Authors[i].PostNominals;
            var role = parsed.Authors[i].Role ?? parsed.Role;
            link.Role = role;
            link.Bio = bio;
            links.Add(link);
            if (role is not null)
            {
                author.Role = role;
            }
            if (bio is not null)
            {
                author.Bio = bio;
            }
        }
        foreach (var stale in article.Authors.Except(links).ToList())
        {
            article.Authors.Remove(stale);
        }
        foreach (var link in links.Except(article.Authors).ToList())
        {
            article.Authors.Add(link);
        }
    }

    /// <summary>The bio paragraphs (or parts of a shared one) about this author; failing those, the ones about all the authors.</summary>
    private static string? BioFor(ParsedArticle parsed, int authorIndex)
    {
        var own = parsed.Bios.Where(b => b.AuthorIndex == authorIndex).Select(b => b.Text).ToList();
        if (own.Count == 0)
        {
            own = parsed.Bios.Where(b => b.AuthorIndex is null).Select(b => b.Text).ToList();
        }
        return own.Count == 0 ? null : string.Join("\n\n", own);
    }
}
