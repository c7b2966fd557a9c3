using System.Security.Claims;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
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

public sealed class ShowModel(ArchiveDbContext db, PassageTagService tags, ThemeSuggestions suggestions, ArticleContentCache contents, ReadMemo memo) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    public IReadOnlyList<BodyGroup> Body { get; private set; } = [];

    public ArticleTags Tags { get; private set; } = ArticleTags.None;

    /// <summary>Tags whose passage already has an element id, so each passage is a link target once.</summary>
    private readonly HashSet<int> _anchored = [];

    public int ReadingMinutes => ReadingTime.Minutes(Article.WordCount);

    public IReadOnlyList<AuthorLink> AuthorLinks => [.. Article.Authors.Select(a => new AuthorLink(a.Slug, a.Name))];

    /// <summary>This post's byline role (shared by its authors), or none when the byline gave none or gave each
    /// co-author a role of their own.</summary>
    public string? BylineRole => ArticleHeads.SharedRole(Article.Authors.Select(a => a.Role));

    private FootnoteLinks _footnotes = FootnoteLinks.None;

    private ArticleContent _content = null!;

    public string Description => Article.Standfirst ?? _content.Opening;

    /// <summary>The paragraph whose suggested themes are shown (its position in the body), when a signed-in reader asked.</summary>
    public int? SuggestFor { get; private set; }

    /// <summary>Themes whose tagged passages the asked-for paragraph is most like; empty when nothing was asked or found.</summary>
    public IReadOnlyList<SuggestedTheme> Suggestions { get; private set; } = [];

    public const int SuggestedThemes = 5;

    /// <summary>The tag whose citation (Harvard, BibTeX) is written out open; the others offer a "Cite" link.</summary>
    public int? CiteFor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? theme, int? suggest, int? cite, CancellationToken cancellationToken)
    {
        CiteFor = cite;
        var viewerId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // What may change while the words stay the same, and the bylines (kept for anonymous readers); the words come by
        // content hash (ArticleContent).
        var front = await ArticleHeads.FrontAsync(db, memo, slug, viewerId, cancellationToken);
        var head = front.Head;
        var content = head is null ? null : await contents.GetAsync(db, head.Id, head.ContentHash, cancellationToken);
        if (head is null || content is null)
        {
            return NotFound();
        }
        var article = new ArticleView(slug, head.Title, head.Standfirst, head.IsExcerpt, content.Text, head.WordCount, head.Published,
            head.Captions, head.Keywords, front.Bylines, content.Blocks);
        Article = article;
        _content = content;
        Body = content.Body;
        // A signed-in reader needs the codebook for the tagging form even where nothing is tagged yet. Anyone else sees
        // the public tags, the same for all of them: read and rendered once per version of the words (PublicTags).
        if (viewerId is null && head.AnyTags)
        {
            var kept = await memo.GetAsync(new PublicTagsOf(head.Id, head.ContentHash),
                async (store, ct) => new PublicTags(await ArticleTags.RowsAsync(store, slug, null, ct), content), cancellationToken);
            _public = kept.For(theme);
            Tags = _public.Tags;
        }
        else
        {
            Tags = head.AnyTags || viewerId is not null
                ? await ArticleTags.LoadAsync(db, slug, User, theme, cancellationToken)
                : new ArticleTags([], [], [], theme);
        }
        // Highlights rendered here, block by block, for a signed-in reader (an anonymous one's come rendered with PublicTags).
        _footnotes = _public is null && Tags.Ranges.Count > 0 ? new FootnoteLinks(article.Text, article.Blocks) : FootnoteLinks.None;
        if (suggest is { } ordinal && User.Identity?.IsAuthenticated == true)
        {
            if (ordinal < 0 || ordinal >= article.Blocks.Count)
            {
                return NotFound();
            }
            var block = article.Blocks[ordinal];
            SuggestFor = ordinal;
            Form.Block = ordinal;
            Suggestions = await suggestions.ForParagraphAsync(head.Id, block.Start, block.End, article.Text[block.Start..block.End], User, SuggestedThemes, cancellationToken);
        }
        return Page();
    }

    [BindProperty]
    public ParagraphTagForm Form { get; set; } = new();

    [TempData]
    public string? TagMessage { get; set; }

    /// <summary>A tag just deleted on this page, offered back with an "Undo" button.</summary>
    [TempData]
    public int? DeletedTag { get; set; }

    /// <summary>A tag someone else changed before this reader's change could be made, linked from the notice.</summary>
    [TempData]
    public int? ChangedTag { get; set; }

    public async Task<IActionResult> OnPostTagAsync(string slug, CancellationToken cancellationToken)
    {
        var block = await db.ArticleBlocks.AsNoTracking().Where(b => b.Ordinal == Form.Block && db.Articles.Any(a => a.Id == b.ArticleId && a.Slug == slug))
            .Select(b => new { b.Start, b.End, Text = db.Articles.First(a => a.Id == b.ArticleId).Text }).FirstOrDefaultAsync(cancellationToken);
        if (block is null)
        {
            return NotFound();
        }
        var draft = new AnnotationDraft(block.Start, block.End, block.Text[block.Start..block.End], Form.Themes, Form.Note, Form.IsPublic);
        var write = await tags.CreateAsync(slug, draft, User, cancellationToken);
        if (write.Saved is not null)
        {
            TagMessage = "Paragraph tagged.";
            return Redirect($"/articles/{slug}#tag-{write.Saved.Id}");
        }
        if (write.Status != StatusCodes.Status400BadRequest)
        {
            return StatusCode(write.Status);
        }
        // The GOV.UK pattern: the page again, the form open with what was typed, each problem on its field.
        foreach (var problem in write.Problems)
        {
            var field = problem.Contains("theme", StringComparison.OrdinalIgnoreCase) ? "Form.Themes"
                : problem.Contains("note", StringComparison.OrdinalIgnoreCase) ? "Form.Note" : "Form.Block";
            ModelState.AddModelError(field, problem);
        }
        return await OnGetAsync(slug, null, null, null, cancellationToken);
    }

    /// <summary>What the page says when a tag changed behind it; the redirect then shows the tag as it is now.</summary>
    public const string ChangedElsewhere = "Someone else changed this tag since this page loaded, so your change was not made. The page now shows the tag as it is.";

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int id, int? version, CancellationToken cancellationToken)
    {
        var write = await tags.DeleteAsync(id, slug, User, cancellationToken, version);
        if (write.Status == StatusCodes.Status409Conflict)
        {
            return ChangedElsewhereRedirect(slug, id);
        }
        if (write.Saved is null)
        {
            return StatusCode(write.Status);
        }
        TagMessage = "Tag deleted.";
        DeletedTag = id;
        return Redirect($"/articles/{slug}#tag-notice");
    }

    /// <summary>The no-script way to accept the new words of a tag a re-import marked "edited passage".</summary>
    public async Task<IActionResult> OnPostAcceptEditAsync(string slug, int id, int? version, CancellationToken cancellationToken)
    {
        var write = await tags.AcceptEditAsync(id, slug, User, cancellationToken, version);
        if (write.Status == StatusCodes.Status409Conflict)
        {
            return ChangedElsewhereRedirect(slug, id);
        }
        if (write.Saved is null)
        {
            return StatusCode(write.Status);
        }
        TagMessage = "New words accepted.";
        return Redirect($"/articles/{slug}#tag-{id}");
    }

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var write = await tags.RestoreAsync(id, slug, User, cancellationToken);
        if (write.Saved is null)
        {
            return StatusCode(write.Status);
        }
        TagMessage = "Tag restored.";
        return Redirect($"/articles/{slug}#tag-{id}");
    }

    /// <summary>Lands on the notice, as a deletion does, so it is in view and read out (tagging.js focuses it); the notice links to the tag.</summary>
    private RedirectResult ChangedElsewhereRedirect(string slug, int id)
    {
        TagMessage = ChangedElsewhere;
        ChangedTag = id;
        return Redirect($"/articles/{slug}#tag-notice");
    }

    /// <summary>A signed-in reader can Tab to the text and pick sentences with the arrow keys (tagging.js).</summary>
    public IHtmlContent TextFocus => User.Identity?.IsAuthenticated == true
        ? new HtmlString("tabindex=\"0\" role=\"region\" aria-label=\"Article text\" aria-describedby=\"tag-hint\"")
        : HtmlString.Empty;

    /// <summary>A block's words: exactly the span of the canonical text its offsets name.</summary>
    public IHtmlContent TextOf(BlockView block) => Tags.Ranges.Count == 0
        ? _content.PlainHtml(block)
        : _public is not null
            ? _public.BlockHtml(block)
            : HighlightedBlock.Render(Article.Text, block.Start, block.End, Tags.Ranges, _anchored, _footnotes, block.Kind == BlockKind.Footnote);

    /// <summary>The public tags as an anonymous reader sees them, rendered once (null for a signed-in reader).</summary>
    private PublicTagView? _public;

    private sealed record PublicTagsOf(int Article, string ContentHash);

    /// <summary>The tag panel: for an anonymous reader with no citation open, the one kept from an earlier request, or
    /// the one rendered now, kept for the next; for anyone else, rendered now.</summary>
    public async Task<IHtmlContent> TagPanelAsync(Func<Task<IHtmlContent>> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (CiteFor is not null || _public is null)
        {
            return await render();
        }
        return _public.Panel ?? _public.KeepPanel(await render());
    }

    /// <summary>The element id of a note, so markers in the text can link to it.</summary>
    public string? NoteIdOf(BlockView block) =>
        Footnotes.LabelAtStart(Article.Text[block.Start..block.End]) is { } label ? FootnoteLinks.NoteId(label) : null;
}
