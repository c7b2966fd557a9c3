using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using LocalGovBlog.Web.Api;
using LocalGovBlog.Web.Caching;
using Microsoft.AspNetCore.Html;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// An article's public tags as every anonymous reader sees them, for one version of its words, kept in
/// <see cref="ReadMemo"/> (so until the next write, or <see cref="CacheOptions.OutputSeconds"/> for changes made by
/// another process): the rows, and, worked out once per theme chip, the highlighted body and the tag panel's HTML.
/// On an article with hundreds of tags, reading the tags and rendering their highlights and cards was nearly all of
/// a request; kept, the page costs what an untagged one does, apart from its size.
/// </summary>
public sealed class PublicTags : ReadMemo.ISized
{
    private readonly IReadOnlyList<AnnotationRow> _rows;
    private readonly ArticleContent _content;
    private readonly ConcurrentDictionary<string, PublicTagView> _views = new(StringComparer.Ordinal);
    private readonly HashSet<string> _chips;

    public PublicTags(IReadOnlyList<AnnotationRow> rows, ArticleContent content)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(content);
        _rows = rows;
        _content = content;
        _chips = [.. rows.SelectMany(r => r.Themes).Select(t => t.Slug)];
        // The rows as read, then the body's HTML and the cards (a couple of kilobytes a tag) once rendered for the
        // chips readers pick: each theme's view holds at most the tags of the whole, so twice the whole bounds it.
        Bytes = 1024 + (2L * rows.Sum(r => 256 + (2L * (r.Exact.Length + r.Prefix.Length + r.Suffix.Length + (r.Note?.Length ?? 0)))))
            + (2L * ((rows.Count * 2048L) + (4L * content.Text.Length)));
    }

    public long Bytes { get; }

    /// <summary>The view with one theme chip picked (all tags when null). A theme no public tag here carries shows
    /// nothing and is not kept, so a typed value fills nothing.</summary>
    public PublicTagView For(string? theme)
    {
        if (theme is not null && !_chips.Contains(theme))
        {
            return new PublicTagView(ArticleTags.From(_rows, theme), _content, keepsPanel: false);
        }
        return _views.GetOrAdd(theme ?? "", static (_, state) => new PublicTagView(ArticleTags.From(state.Rows, state.Theme), state.Content, keepsPanel: true),
            (Rows: _rows, Theme: theme, Content: _content));
    }
}

/// <summary>What an anonymous reader's article page shows of its tags with one theme chip picked, rendered once.</summary>
public sealed class PublicTagView
{
    private readonly ArticleContent _content;
    private readonly Lazy<IHtmlContent[]> _blocks;
    private readonly bool _keepsPanel;
    private volatile IHtmlContent? _panel;

    internal PublicTagView(ArticleTags tags, ArticleContent content, bool keepsPanel)
    {
        Tags = tags;
        _content = content;
        _keepsPanel = keepsPanel;
        _blocks = new Lazy<IHtmlContent[]>(() => HighlightedBlock.RenderAll(content.Text, content.Blocks, tags.Ranges));
    }

    public ArticleTags Tags { get; }

    /// <summary>A block's words with their highlights; every block is rendered at the first ask, in the body's order.</summary>
    public IHtmlContent BlockHtml(BlockView block) =>
        Tags.Ranges.Count == 0 ? _content.PlainHtml(block) : _blocks.Value[_content.OrdinalOf(block)];

    /// <summary>The tag panel as rendered for an anonymous reader the first time, when this view keeps it.</summary>
    public IHtmlContent? Panel => _panel;

    /// <summary>Keeps the panel a page just rendered (as a string: the page's own buffers go back to a pool), and gives
    /// back what to write.</summary>
    public IHtmlContent KeepPanel(IHtmlContent rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        if (!_keepsPanel)
        {
            return rendered;
        }
        using var writer = new StringWriter();
        rendered.WriteTo(writer, HtmlEncoder.Default);
        var kept = new HtmlString(writer.ToString());
        _panel ??= kept;
        return kept;
    }
}
