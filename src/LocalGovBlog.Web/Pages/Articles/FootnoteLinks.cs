using LocalGovBlog.Web.Import;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// Turns footnote markers into links on the article page: "[1]" in the text goes to the note, and the note's
/// own leading "[1]" goes back to the first place the text used it. Only markers whose note the article
/// holds become links. The characters stay the article's own, so selections still map to offsets.
/// </summary>
public sealed class FootnoteLinks
{
    private readonly HashSet<string> _notes;
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    public FootnoteLinks(string text, IEnumerable<BlockView> blocks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        _notes = blocks.Where(block => block.Kind == BlockKind.Footnote)
            .Select(block => Footnotes.LabelAtStart(text[block.Start..block.End]))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    public static FootnoteLinks None { get; } = new("", []);

    public bool HasNote(string label) => _notes.Contains(label);

    /// <summary>The element id for a reference to this note: given to its first use only, the note's way back.</summary>
    public string? ClaimReferenceId(string label) => _referenced.Add(label) ? ReferenceId(label) : null;

    /// <summary>The text above has used this marker, so its note can link back to it.</summary>
    public bool WasReferenced(string label) => _referenced.Contains(label);

    public static string NoteId(string label) => "fn-" + label;

    public static string ReferenceId(string label) => "fnref-" + label;
}
