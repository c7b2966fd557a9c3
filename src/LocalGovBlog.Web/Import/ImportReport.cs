using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Web.Import;

public enum ImportOutcome
{
    Added,
    Updated,
    Unchanged,
    Duplicate,
}

public sealed record ImportedArticle(string Slug, string Title, ImportOutcome Outcome, int Line);

/// <summary>
/// A passage tag a re-import did not leave where it was: moved with the same words, moved with its
/// words changed (<see cref="AnchorOutcome.Edited"/>: marked for its tagger to review), or orphaned.
/// <see cref="QuoteAfter"/> is null for an orphan.
/// </summary>
public sealed record ReanchoredTag(string ArticleSlug, string ArticleTitle, int TagId, AnchorOutcome Outcome, string QuoteBefore, string? QuoteAfter);

public sealed record ImportOptions
{
    /// <summary>Parse and compare everything, then roll back: the report says what an import would do.</summary>
    public bool DryRun { get; init; }

    /// <summary>Refuse the whole file, writing nothing, when the parser warns about any of it
    /// (a possible missed post boundary): for dumps that must come in exactly right or not at all.</summary>
    public bool Strict { get; init; }

    /// <summary>Posts written per transaction; a failure loses at most the batch in hand.</summary>
    public int BatchSize { get; init; } = 2000;
}

public sealed record ImportProgress(long BytesRead, long TotalBytes, int Articles);

/// <summary>What an import did. Counts are complete; the lists keep the first
/// <see cref="MaxListed"/> entries so that a huge dump's report stays small.</summary>
public sealed class ImportReport
{
    public const int MaxListed = 1000;

    private readonly List<ImportedArticle> _changes = [];
    private readonly List<DumpDiagnostic> _diagnostics = [];
    private readonly List<ReanchoredTag> _tags = [];

    public required string Source { get; init; }

    public bool DryRun { get; init; }

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>Lines placed in no post (each listed in <see cref="Diagnostics"/>).</summary>
    public int DiagnosticCount { get; private set; }

    /// <summary>Readings a person should check, such as a possible missed post boundary.</summary>
    public int WarningCount { get; private set; }

    /// <summary>Readings worth knowing about, such as a post with no byline read as the blog's own.</summary>
    public int NoteCount { get; private set; }

    /// <summary>What the first pass learned of the dump's conventions, in words; empty when it learned nothing.</summary>
    public string Shape { get; internal set; } = "";

    public int AuthorsAdded { get; internal set; }

    /// <summary>Passage tags on updated articles that stayed on the same offsets.</summary>
    public int TagsKept { get; private set; }

    /// <summary>Passage tags that followed their words, unchanged, to new offsets.</summary>
    public int TagsMoved { get; private set; }

    /// <summary>Passage tags that followed their words, which the new text changed: marked "edited passage" for review.</summary>
    public int TagsEdited { get; private set; }

    /// <summary>Passage tags whose words could not be found again: kept, attached to nothing.</summary>
    public int TagsOrphaned { get; private set; }

    public TimeSpan Elapsed { get; internal set; }

    public int Articles => Added + Updated + Unchanged + Duplicates;

    /// <summary>Added, updated and duplicate posts (unchanged ones are only counted).</summary>
    public IReadOnlyList<ImportedArticle> Changes => _changes;

    public IReadOnlyList<DumpDiagnostic> Diagnostics => _diagnostics;

    /// <summary>Every tag that moved, had its words changed, or was orphaned (kept tags are only counted).</summary>
    public IReadOnlyList<ReanchoredTag> Tags => _tags;

    internal void Record(ImportedArticle article)
    {
        switch (article.Outcome)
        {
            case ImportOutcome.Added: Added++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; return;
            case ImportOutcome.Duplicate: Duplicates++; break;
        }
        if (_changes.Count < MaxListed)
        {
            _changes.Add(article);
        }
    }

    internal void Record(ReanchoredTag tag)
    {
        switch (tag.Outcome)
        {
            case AnchorOutcome.Kept: TagsKept++; return;
            case AnchorOutcome.Moved: TagsMoved++; break;
            case AnchorOutcome.Edited: TagsEdited++; break;
            case AnchorOutcome.Orphaned: TagsOrphaned++; break;
        }
        if (_tags.Count < MaxListed)
        {
            _tags.Add(tag);
        }
    }

    internal void Record(DumpDiagnostic diagnostic)
    {
        switch (diagnostic.Kind)
        {
            case DiagnosticKind.Warning: WarningCount++; break;
            case DiagnosticKind.Note: NoteCount++; break;
            default: DiagnosticCount++; break;
        }
        if (_diagnostics.Count < MaxListed)
        {
            _diagnostics.Add(diagnostic);
        }
    }
}
