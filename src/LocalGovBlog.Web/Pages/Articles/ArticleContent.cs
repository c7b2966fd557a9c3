using LocalGovBlog.Web.Caching;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// One version of an article's words: its canonical text, its blocks and what is worked out from them alone
/// (the body's grouping, the footnote markers, and the body's HTML for a reader who sees no highlights).
/// A version is named by the article's content hash, which changes whenever the text or its blocks do (an import
/// writes new text only when the hash differs), so a kept version can never show words the store no longer holds.
/// </summary>
public sealed class ArticleContent
{
    private readonly IHtmlContent[] _plainBlocks;

    public ArticleContent(string text, IReadOnlyList<BlockView> blocks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        Text = text;
        Blocks = blocks;
        Body = BodyGroup.From(blocks);
        Opening = ArticleListQuery.OpeningWords(text, OpeningWordCount);
        _plainBlocks = HighlightedBlock.RenderAll(text, blocks, []);
        for (var i = 0; i < blocks.Count; i++)
        {
            _ordinals[blocks[i].Start] = i;
        }
    }

    private readonly Dictionary<int, int> _ordinals = [];

    public string Text { get; }

    public IReadOnlyList<BlockView> Blocks { get; }

    public IReadOnlyList<BodyGroup> Body { get; }

    private const int OpeningWordCount = 30;

    /// <summary>The first words, for the page's description where the post has no standfirst.</summary>
    public string Opening { get; }

    /// <summary>A block's words without highlights, as rendered when the version was first read.</summary>
    public IHtmlContent PlainHtml(BlockView block) => _plainBlocks[OrdinalOf(block)];

    /// <summary>A block's position in this version (for HTML rendered from its blocks in order).</summary>
    public int OrdinalOf(BlockView block) =>
        _ordinals.TryGetValue(block.Start, out var ordinal) && Blocks[ordinal] == block
            ? ordinal
            : throw new ArgumentException("The block is not one of this version's.", nameof(block));

    /// <summary>Roughly what the version holds in memory, in bytes: the text twice over (as read and as HTML) and the blocks.</summary>
    internal long Size => 64 + (4L * Text.Length) + (96L * Blocks.Count);
}

/// <summary>
/// Article versions kept in memory by content hash, up to <see cref="CacheOptions.ArticleTextMegabytes"/>: reading an
/// article then costs one small statement for what can change without its words changing (title fields, authors,
/// tag count) instead of fetching and re-rendering its text and blocks on every request.
/// </summary>
public sealed class ArticleContentCache : IDisposable
{
    private readonly MemoryCache _versions;

    public ArticleContentCache(IOptions<CacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _versions = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ArticleTextMegabytes * 1024L * 1024L });
    }

    /// <summary>The version the store holds for this article and hash; read from the store only when not kept.</summary>
    public async ValueTask<ArticleContent?> GetAsync(ArchiveDbContext db, int articleId, string contentHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_versions.TryGetValue(contentHash, out ArticleContent? kept) && kept is not null)
        {
            return kept;
        }
        var row = await db.Articles.AsNoTracking().AsSplitQuery().Where(a => a.Id == articleId)
            .Select(a => new
            {
                a.ContentHash,
                a.Text,
                Blocks = a.Blocks.OrderBy(b => b.Ordinal).Select(b => new BlockView(b.Kind, b.Ordered, b.Start, b.End)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var content = new ArticleContent(row.Text, row.Blocks);
        // Kept under the hash read with the words: if an import changed the article in between, these are the new words.
        _versions.Set(row.ContentHash, content, new MemoryCacheEntryOptions { Size = content.Size });
        return content;
    }

    public void Dispose() => _versions.Dispose();
}
