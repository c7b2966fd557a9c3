using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Articles;

public sealed record ArticleView(
    string Slug, string Title, string? Standfirst, bool IsExcerpt, string Text, int WordCount,
    IReadOnlyList<ArticleAuthorView> Authors, IReadOnlyList<BlockView> Blocks);

/// <summary>An author as this post presents them: the role and bio given in the post, else the latest known.</summary>
public sealed record ArticleAuthorView(string Slug, string Name, string? Role, string? Bio);

public sealed record BlockView(BlockKind Kind, bool Ordered, int Start, int End);

public sealed class ShowModel(ArchiveDbContext db) : PageModel
{
    private const int DescriptionWords = 30;

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<BodyGroup> Body { get; private set; } = [];

    public ArticleTags Tags { get; private set; } = ArticleTags.None;

    /// <summary>Tags whose passage already has an element id, so each passage is a link target once.</summary>
    private readonly HashSet<int> _anchored = [];

    public int ReadingMinutes => ReadingTime.Minutes(Article.WordCount);

    public IReadOnlyList<AuthorLink> AuthorLinks => [.. Article.Authors.Select(a => new AuthorLink(a.Slug, a.Name))];

    /// <summary>The byline's role: shown in the header only when one author speaks for the post.</summary>
    public string? BylineRole => Article.Authors.Count == 1 ? Article.Authors[0].Role : null;

    public string Description => Article.Standfirst
        ?? ArticleListQuery.OpeningWords(Article.Text, DescriptionWords);

    public async Task<IActionResult> OnGetAsync(string slug, string? theme, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .AsSplitQuery()
            .Where(a => a.Slug == slug)
            .Select(a => new ArticleView(
                a.Slug,
                a.Title,
                a.Standfirst,
                a.IsExcerpt,
                a.Text,
                a.WordCount,
                a.Authors.OrderBy(aa => aa.Position)
                    .Select(aa => new ArticleAuthorView(aa.Author.Slug, aa.Author.Name, aa.Role ?? aa.Author.Role, aa.Bio ?? aa.Author.Bio))
                    .ToList(),
                a.Blocks.OrderBy(b => b.Ordinal)
                    .Select(b => new BlockView(b.Kind, b.Ordered, b.Start, b.End))
                    .ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        Body = BodyGroup.From(article.Blocks);
        Tags = await ArticleTags.LoadAsync(db, slug, User, theme, cancellationToken);
        return Page();
    }

    /// <summary>A block's words: exactly the span of the canonical text its offsets name.</summary>
    public IHtmlContent TextOf(BlockView block) => HighlightedBlock.Render(Article.Text, block.Start, block.End, Tags.Ranges, _anchored);
}
