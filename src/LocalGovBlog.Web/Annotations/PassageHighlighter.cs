namespace LocalGovBlog.Web.Annotations;

/// <summary>A tagged range of the canonical text, as the highlighter needs it.</summary>
public sealed record HighlightRange(int Id, int Start, int End, string ThemeSlug)
{
    /// <summary>Every theme of the tag, first the one it is coloured by.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [ThemeSlug];

    /// <summary>What the highlight says about itself to a pointer's tooltip: "Devolution, Austerity".</summary>
    public string Label { get; init; } = ThemeSlug;

    /// <summary>The names of its themes, each on its own (the label's parts), for a tooltip naming each theme once.</summary>
    public IReadOnlyList<string> Names { get; init; } = [ThemeSlug];
}

/// <summary>A run of a block's text and the tags covering all of it (none for plain text).</summary>
public sealed record HighlightSegment(int Start, int End, IReadOnlyList<HighlightRange> Covering);

/// <summary>
/// Splits a block's range of the text at every tag boundary inside it, so that overlapping tags
/// become a row of segments, each wrapped once (in a &lt;mark&gt;) with all the tags that cover it.
/// </summary>
public static class PassageHighlighter
{
    public static IReadOnlyList<HighlightSegment> Segments(int blockStart, int blockEnd, IReadOnlyList<HighlightRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var inside = ranges.Where(r => r.Start < blockEnd && r.End > blockStart && r.End > r.Start).ToList();
        var cuts = new SortedSet<int> { blockStart, blockEnd };
        foreach (var range in inside)
        {
            cuts.Add(Math.Max(blockStart, range.Start));
            cuts.Add(Math.Min(blockEnd, range.End));
        }
        var segments = new List<HighlightSegment>();
        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var from = previous;
                var covering = inside.Where(r => r.Start <= from && r.End >= cut).ToList();
                segments.Add(new HighlightSegment(from, cut, covering));
            }
            previous = cut;
        }
        return segments;
    }
}
