using System.Security.Claims;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Search;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Articles;

public sealed record ArticleView(
    string Slug, string Title, string? Standfirst, bool IsExcerpt, string Text, int WordCount, DateOnly? Published,
    string? Captions, string? Keywords, IReadOnlyList<ArticleAuthorView> Authors, IReadOnlyList<BlockView> Blocks)
{
    public IReadOnlyList<string> CaptionLines => Lines(Captions);

    public IReadOnlyList<string> KeywordList => Lines(Keywords);

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>An author as this post presents them: the role this post's byline gives (never another post's),
/// and the bio given in the post, else the author's latest.</summary>
public sealed record ArticleAuthorView(string Slug, string Name, string? PostNominals, string? Role, string? Bio);

public sealed record BlockView(BlockKind Kind, bool Ordered, int Start, int End);

public sealed class ShowModel(ArchiveDbContext db, AnnotationWriter writer, IArticleSearch search) : PageModel
{
    private const int DescriptionWords = 30;

    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<BodyGroup> Body { get; private set; } = [];

    public ArticleTags Tags { get; private set; } = ArticleTags.None;

    /// <summary>Tags whose passage already has an element id, so each passage is a link target once.</summary>
    private readonly HashSet<int> _anchored = [];

    public int ReadingMinutes => ReadingTime.Minutes(Article.WordCount);

    public IReadOnlyList<AuthorLink> AuthorLinks => [.. Article.Authors.Select(a => new AuthorLink(a.Slug, a.Name))];

    /// <summary>This post's byline role (shared by its authors), or none when the byline gave none.</summary>
    public string? BylineRole => Article.Authors.Select(a => a.Role).FirstOrDefault(role => role is not null);

    private FootnoteLinks _footnotes = FootnoteLinks.None;

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
                a.Published,
                a.Captions,
                a.Keywords,
                a.Authors.OrderBy(aa => aa.Position)
                    .Select(aa => new ArticleAuthorView(aa.Author.Slug, aa.Author.Name, aa.PostNominals, aa.Role, aa.Bio ?? aa.Author.Bio))
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
        _footnotes = new FootnoteLinks(article.Text, article.Blocks);
        Tags = await ArticleTags.LoadAsync(db, slug, User, theme, cancellationToken);
        return Page();
    }

    [BindProperty]
    public ParagraphTagForm Form { get; set; } = new();

    [TempData]
    public string? TagMessage { get; set; }

    public async Task<IActionResult> OnPostTagAsync(string slug, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Challenge();
        }
        var block = await db.ArticleBlocks.AsNoTracking().Where(b => b.Ordinal == Form.Block && db.Articles.Any(a => a.Id == b.ArticleId && a.Slug == slug))
            .Select(b => new { b.Start, b.End, Text = db.Articles.First(a => a.Id == b.ArticleId).Text }).FirstOrDefaultAsync(cancellationToken);
        if (block is null)
        {
            return NotFound();
        }
        var draft = new AnnotationDraft(block.Start, block.End, block.Text[block.Start..block.End], Form.Themes, Form.Note, Form.IsPublic);
        var write = await writer.CreateAsync(slug, draft, userId, cancellationToken);
        TagMessage = write.Saved is null ? string.Join(" ", write.Problems) : "Paragraph tagged.";
        return Redirect($"/articles/{slug}#{(write.Saved is null ? "tag-form" : $"tag-{write.Saved.Id}")}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var tag = await db.Annotations.FirstOrDefaultAsync(a => a.Id == id && a.Article.Slug == slug, cancellationToken);
        if (tag is null || !TagPermissions.CanEdit(User, tag.OwnerId))
        {
            return tag is null ? NotFound() : Forbid();
        }
        db.Annotations.Remove(tag);
        await db.SaveAndIndexAsync(search, tag.ArticleId, cancellationToken);
        TagMessage = "Tag deleted.";
        return Redirect($"/articles/{slug}#tags");
    }

    /// <summary>The no-script way to accept the new words of a tag a re-import marked "edited passage".</summary>
    public async Task<IActionResult> OnPostAcceptEditAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var tag = await db.Annotations.FirstOrDefaultAsync(a => a.Id == id && a.Article.Slug == slug, cancellationToken);
        if (tag is null || !TagPermissions.CanEdit(User, tag.OwnerId))
        {
            return tag is null ? NotFound() : Forbid();
        }
        await EditedPassageMark.AcceptAsync(db, tag, cancellationToken);
        TagMessage = "New words accepted.";
        return Redirect($"/articles/{slug}#tag-{id}");
    }

    /// <summary>A block's words: exactly the span of the canonical text its offsets name.</summary>
    public IHtmlContent TextOf(BlockView block) =>
        HighlightedBlock.Render(Article.Text, block.Start, block.End, Tags.Ranges, _anchored, _footnotes, block.Kind == BlockKind.Footnote);

    /// <summary>The element id of a note, so markers in the text can link to it.</summary>
    public string? NoteIdOf(BlockView block) =>
        Footnotes.LabelAtStart(Article.Text[block.Start..block.End]) is { } label ? FootnoteLinks.NoteId(label) : null;
}
