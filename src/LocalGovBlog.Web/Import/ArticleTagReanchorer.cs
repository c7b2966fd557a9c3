using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// Carries the passage tags of an article whose text a re-import changed, from the stored text to
/// the new one (see <see cref="PassageAnchor"/>), and reports each tag that moved, had its words
/// changed or was orphaned. A tag whose words changed gets the "edited passage" mark
/// (<see cref="Annotation.QuoteBeforeEdit"/>) for its tagger to review. If the article's tags
/// cannot be carried at all, they are orphaned with a warning in the report and the import goes on.
/// </summary>
public sealed partial class ArticleTagReanchorer(ArchiveDbContext db, ILogger logger)
{
    /// <summary>How the old and new text make an anchor; tests put a failing one here.</summary>
    internal Func<string, string, Func<PassageSelector, AnchorResult>> AnchorFor { get; init; } =
        (oldText, newText) => new PassageAnchor(oldText, newText).Reanchor;

    /// <summary>Re-anchors the tags of <paramref name="article"/> (whose <see cref="Article.Text"/> is still the old text) onto <paramref name="newText"/>.</summary>
    public async Task CarryAsync(Article article, string newText, int line, ImportReport report, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(report);
        var tags = await db.Annotations.Where(a => a.ArticleId == article.Id && !a.IsOrphan).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (tags.Count == 0)
        {
            return;
        }
        // Every tag is placed before any is changed, so a failure half-way leaves none half-moved.
        List<AnchorResult> results;
        try
        {
            var reanchor = AnchorFor(article.Text, newText);
            results = tags.ConvertAll(tag => reanchor(new PassageSelector(tag.Start, tag.End, tag.Exact, tag.Prefix, tag.Suffix)));
        }
#pragma warning disable CA1031 // one article's tags must not abort the import: they are orphaned and the failure reported
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogCouldNotCarry(logger, exception, article.Slug, tags.Count);
            report.Record(new DumpDiagnostic(line,
                $"the {tags.Count} passage tag(s) on \"{article.Title}\" could not be carried to its new text ({exception.GetType().Name}); they were kept as orphans",
                article.Title, DiagnosticKind.Warning));
            results = tags.ConvertAll(_ => new AnchorResult(AnchorOutcome.Orphaned, null));
        }
        for (var i = 0; i < tags.Count; i++)
        {
            var (tag, result) = (tags[i], results[i]);
            var before = tag.Exact;
            if (result.Selector is { } placed)
            {
                if (result.Outcome == AnchorOutcome.Edited)
                {
                    tag.QuoteBeforeEdit ??= before; // the words the tagger last saw, however many imports ago
                }
                if (tag.QuoteBeforeEdit == placed.Exact)
                {
                    tag.QuoteBeforeEdit = null; // its own words again
                }
                (tag.Start, tag.End, tag.Exact, tag.Prefix, tag.Suffix) = (placed.Start, placed.End, placed.Exact, placed.Prefix, placed.Suffix);
            }
            else
            {
                tag.IsOrphan = true; // keeps its last offsets and quote, attached to no words
            }
            if (result.Outcome != AnchorOutcome.Kept)
            {
                tag.UpdatedAtUtc = now;
            }
            report.Record(new ReanchoredTag(article.Slug, article.Title, tag.Id, result.Outcome, before, result.Selector?.Exact));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not carry the {Count} passage tags on {Slug} to its new text; they were orphaned")]
    private static partial void LogCouldNotCarry(ILogger logger, Exception exception, string slug, int count);
}
