using System.Globalization;
using System.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>Where a dump's date lines stand relative to a post's title and byline.</summary>
internal enum DatePlacement
{
    Unknown,
    BeforeTitle,
    BetweenTitleAndByline,
    AfterByline,
}

/// <summary>
/// The conventions of one dump, learned from the file itself in a first pass before it is parsed. A dump
/// copied from one blog's listing pages is consistent with itself: the same kind of date line, the same
/// "Read more" under every excerpt, the same order of title, date and byline. Knowing them lets the parser
/// read a numeric date the way this blog writes it, end an excerpt at a marker no lexicon lists, and give a
/// date line between two posts to the right one. The import report prints <see cref="Description"/>.
/// </summary>
public sealed class DumpShape
{
    // Short lines are the only candidates for a recurring marker; a bound keeps the first pass's memory flat.
    private const int MaxMarkerLength = 40;
    private const int MaxTrackedLines = 10_000;
    private const int MinMarkerRepeats = 3;

    private readonly HashSet<string> _markers;
    private readonly HashSet<ulong> _recurring;
    private readonly HashSet<ulong> _furniture;

    private DumpShape(DateOrder dateOrder, DatePlacement datePlacement, HashSet<string> markers, HashSet<ulong> recurring,
        HashSet<ulong> furniture, int openings, string description)
    {
        DateOrder = dateOrder;
        DatePlacement = datePlacement;
        _markers = markers;
        _recurring = recurring;
        _furniture = furniture;
        Openings = openings;
        Description = description;
    }

    /// <summary>Nothing learned: day-first dates (the British convention) and only the markers every listing uses.</summary>
    public static DumpShape Generic { get; } = new(DateOrder.DayFirst, DatePlacement.Unknown, [], [], [], 0, "");

    internal DateOrder DateOrder { get; }

    internal DatePlacement DatePlacement { get; }

    /// <summary>How many title-and-byline openings the first pass saw: a rough count of posts.</summary>
    public int Openings { get; }

    /// <summary>What was learned, in words, for the import report; empty when nothing was.</summary>
    public string Description { get; }

    internal bool IsLearnedMarker(string line) =>
        _markers.Count > 0 && line.Length <= MaxMarkerLength * 2 && _markers.Contains(MarkerKey(line));

    /// <summary>A short line the dump has more than once ("Related", "Leave a comment"): the listing's furniture,
    /// or a repeated post's title, but never alt text's title.</summary>
    internal bool IsRecurring(string trimmed) => _recurring.Count > 0 && _recurring.Contains(LineKey(trimmed));

    /// <summary>
    /// A short block the dump repeats where posts end ("Share this: / Twitter / Facebook", "Leave a comment"):
    /// the listing page's furniture, no part of any post.
    /// </summary>
    internal bool IsFurniture(SourceBlock block) =>
        _furniture.Count > 0 && IsFurnitureSized(block) && _furniture.Contains(BlockKey(block));

    private const int MaxFurnitureLength = 160;

    private static bool IsFurnitureSized(SourceBlock block) =>
        block.Lines.Count <= 4 && block.Lines.Sum(line => line.Text.Length) <= MaxFurnitureLength;

    private static ulong BlockKey(SourceBlock block)
    {
        var hash = 14695981039346656037UL;
        foreach (var line in block.Lines)
        {
            foreach (var c in LineShape.TrimSpaces(line.Text))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
            hash = (hash ^ '\n') * 1099511628211UL;
        }
        return hash;
    }

    private static ulong LineKey(string trimmed)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in trimmed)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }
        return hash;
    }

    public static DumpShape Learn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Learn(reader);
    }

    /// <summary>One streaming pass over the dump: memory stays flat whatever its size.</summary>
    public static DumpShape Learn(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var learner = new Learner();
        foreach (var block in SourceBlockReader.Read(reader, Generic))
        {
            learner.See(block);
        }
        return learner.Finish();
    }

    private static string MarkerKey(string trimmed) => LineShape.TrimSpaces(trimmed).ToLowerInvariant();

    /// <summary>The kinds of line the first pass tells apart.</summary>
    private enum Kind
    {
        Other,
        Title,
        Byline,
        DateOnly,
        DateWithAuthor,
        SentenceByline,
        Caption,
        Keywords,
        Marker,
    }

    private sealed class Learner
    {
        private readonly Dictionary<string, (int Seen, int BeforeTitle, string Text)> _shortLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _openingShapes = new(StringComparer.Ordinal);
        private readonly int[] _datePlacements = new int[4];
        private readonly Dictionary<string, (int Count, string Example)> _dateLines = new(StringComparer.Ordinal);
        private readonly List<(Kind Kind, SourceBlock Block)> _recent = [];
        private readonly Dictionary<ulong, int> _titleLikeLines = [];
        private readonly Dictionary<ulong, (int Seen, int BeforeShort, string Text)> _shortBlocks = [];
        private int _dayFirst;
        private int _monthFirst;
        private int _openings;
        private int _markerEndings;

        public void See(SourceBlock block)
        {
            var kind = Classify(block);
            if (kind == Kind.Title && (_titleLikeLines.Count < MaxTrackedLines * 5 || _titleLikeLines.ContainsKey(LineKey(block.FirstText))))
            {
                var key = LineKey(block.FirstText);
                _titleLikeLines[key] = _titleLikeLines.GetValueOrDefault(key) + 1;
            }
            if (kind is Kind.DateOnly or Kind.DateWithAuthor && block.DateLine!.Date.Evidence is { } evidence)
            {
                _ = evidence == DateOrder.DayFirst ? _dayFirst++ : _monthFirst++;
            }
            if (kind == Kind.Marker)
            {
                _markerEndings++;
            }
            if (_recent.Count > 0 && _recent[^1].Block.IsSingleLine && _recent[^1].Kind is Kind.Other or Kind.Title or Kind.Marker)
            {
                var previous = _recent[^1].Block.FirstText;
                if (previous.Length <= MaxMarkerLength)
                {
                    var key = MarkerKey(previous);
                    var known = _shortLines.TryGetValue(key, out var counts);
                    if (known || _shortLines.Count < MaxTrackedLines)
                    {
                        var (seen, beforeTitle, text) = counts;
                        _shortLines[key] = (seen + 1, beforeTitle + (kind is Kind.Title or Kind.DateOnly ? 1 : 0), known ? text : previous);
                    }
                }
            }
            if (_recent.Count > 0)
            {
                // Furniture is followed by more furniture, a title or the end; a heading ("Notes", "References")
                // by the sentences it heads; a title that a blog reuses ("Weekly round-up") by its byline.
                SeeShortBlock(_recent[^1], followedByShort: kind is not (Kind.Other or Kind.Byline or Kind.DateWithAuthor)
                    || (kind == Kind.Other && IsFurnitureSized(block) && !EndsLikeProse(block)));
            }
            _recent.Add((kind, block));
            if (_recent.Count > 6)
            {
                _recent.RemoveAt(0);
            }
            if (kind is Kind.Byline or Kind.DateWithAuthor or Kind.SentenceByline)
            {
                SeeOpening();
            }
        }

        /// <summary>The block ends a sentence, as prose does; a trailing ellipsis ("Like Loading…") is a link's.</summary>
        private static bool EndsLikeProse(SourceBlock block)
        {
            var last = LineShape.TrimSpaces(block.Lines[^1].Text);
            return LineShape.EndsLikeSentence(last) && !last.EndsWith("...", StringComparison.Ordinal) && !last.EndsWith('…');
        }

        /// <summary>A short block and whether what follows it is short too (furniture) or prose (a subheading's paragraph).</summary>
        private void SeeShortBlock((Kind Kind, SourceBlock Block) seen, bool followedByShort)
        {
            // Furniture is labels and links ("Share this:", "Leave a comment", "Like Loading…"), never a sentence.
            if (seen.Kind is not (Kind.Other or Kind.Title) || !IsFurnitureSized(seen.Block) || seen.Block.AnyByline is not null
                || Footnotes.LabelAtStart(seen.Block.FirstText) is not null || EndsLikeProse(seen.Block))
            {
                return;
            }
            var key = BlockKey(seen.Block);
            var known = _shortBlocks.TryGetValue(key, out var counts);
            if (known || _shortBlocks.Count < MaxTrackedLines * 5)
            {
                _shortBlocks[key] = (counts.Seen + 1, counts.BeforeShort + (followedByShort ? 1 : 0), counts.Text ?? seen.Block.FirstText);
            }
        }

        /// <summary>A byline has just been seen: record the lines from the title (and a date just before it) to here.</summary>
        private void SeeOpening()
        {
            var bylineAt = _recent.Count - 1;
            var titleAt = -1;
            for (var i = bylineAt - 1; i >= 0 && i >= bylineAt - 3; i--)
            {
                // A title may open with the author's name ("Catherine Staite reflects on …").
                if (_recent[i].Kind is Kind.Title or Kind.SentenceByline)
                {
                    titleAt = i;
                    break;
                }
                if (_recent[i].Kind is not (Kind.DateOnly or Kind.Caption or Kind.Keywords))
                {
                    return;
                }
            }
            if (titleAt < 0)
            {
                return;
            }
            _openings++;
            var start = titleAt > 0 && _recent[titleAt - 1].Kind == Kind.DateOnly ? titleAt - 1 : titleAt;
            var parts = new List<string>();
            for (var i = start; i <= bylineAt; i++)
            {
                var (kind, block) = _recent[i];
                parts.Add(i == titleAt ? "title" : Describe(kind));
                if (kind is Kind.DateOnly or Kind.DateWithAuthor)
                {
                    var placement = kind == Kind.DateWithAuthor ? DatePlacement.Unknown : i < titleAt ? DatePlacement.BeforeTitle : DatePlacement.BetweenTitleAndByline;
                    _datePlacements[(int)placement]++;
                    NoteDateLine(block);
                }
            }
            var key = string.Join(", ", parts);
            _openingShapes[key] = _openingShapes.GetValueOrDefault(key) + 1;
        }

        private void NoteDateLine(SourceBlock block)
        {
            // "Posted on {date} by {author}": the wording around the date, with the date and names taken out.
            var text = block.FirstText;
            var date = block.DateLine!.Date;
            var template = string.Concat(text.AsSpan(0, date.Start), "{date}", text.AsSpan(date.End));
            if (block.DateLine.Names is { } names)
            {
                template = template.Replace(names, "{author}", StringComparison.Ordinal);
            }
            var (count, example) = _dateLines.GetValueOrDefault(template);
            _dateLines[template] = (count + 1, example ?? text);
        }

        private static Kind Classify(SourceBlock block)
        {
            if (!block.IsSingleLine)
            {
                return Kind.Other;
            }
            if (block.IsContinueReading)
            {
                return Kind.Marker;
            }
            if (block.DateLine is { } date)
            {
                return date.Names is null ? Kind.DateOnly : Kind.DateWithAuthor;
            }
            if (block.IsBylineLike)
            {
                return Kind.Byline;
            }
            if (block.IsExplicitCaption)
            {
                return Kind.Caption;
            }
            if (block.LabelledKeywords is not null)
            {
                return Kind.Keywords;
            }
            if (block.IsTitleLike)
            {
                return block.SentenceByline is null ? Kind.Title : Kind.SentenceByline;
            }
            return Kind.Other;
        }

        private static string Describe(Kind kind) => kind switch
        {
            Kind.Title => "title",
            Kind.Byline => "byline",
            Kind.DateOnly => "date",
            Kind.DateWithAuthor => "date and author",
            Kind.SentenceByline => "byline sentence",
            Kind.Caption => "caption",
            Kind.Keywords => "keywords",
            _ => "line",
        };

        public DumpShape Finish()
        {
            if (_recent.Count > 0)
            {
                SeeShortBlock(_recent[^1], followedByShort: true);
            }
            // Repeated, and mostly followed by more short lines or a title rather than by a paragraph.
            var furnitureBlocks = _shortBlocks.Where(block => block.Value.Seen >= 2 && block.Value.BeforeShort * 3 >= block.Value.Seen * 2).ToList();
            var furniture = furnitureBlocks.Select(block => block.Key).ToHashSet();
            var order = _monthFirst > _dayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst;
            var placement = _datePlacements[(int)DatePlacement.BeforeTitle] > _datePlacements[(int)DatePlacement.BetweenTitleAndByline]
                ? DatePlacement.BeforeTitle
                : _datePlacements[(int)DatePlacement.BetweenTitleAndByline] > 0 ? DatePlacement.BetweenTitleAndByline : DatePlacement.Unknown;
            // A short line that this dump repeats, nearly always just before a title, ends its excerpts.
            var markers = _shortLines
                .Where(line => line.Value.Seen >= MinMarkerRepeats && line.Value.BeforeTitle * 3 >= line.Value.Seen * 2
                    && LooksLikeALinkOn(line.Value.Text) && !LineShape.IsContinueReading(line.Value.Text) && BylineReader.Read(line.Value.Text) is null
                    && BylineReader.ReadNamesOnly(line.Value.Text) is null && KeywordLine.ReadLabelled(line.Value.Text) is null)
                .ToList();
            var description = Describe(order, markers.Select(m => (m.Value.Text, m.Value.Seen)).ToList(),
                furnitureBlocks.OrderByDescending(block => block.Value.Seen).Select(block => block.Value.Text).ToList());
            var recurring = _titleLikeLines.Where(line => line.Value > 1).Select(line => line.Key).ToHashSet();
            return new DumpShape(order, placement, markers.Select(m => m.Key).ToHashSet(StringComparer.Ordinal), recurring, furniture, _openings, description);
        }

        /// <summary>
        /// "Full story »", "→ Continue to the post": a link to the rest of the post. A recurring line such as
        /// "Leave a comment" also stands before every title but says nothing about the post being cut short.
        /// </summary>
        private static bool LooksLikeALinkOn(string text) =>
            text.IndexOfAny(['»', '›', '→', '…', '>']) >= 0
            || text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Any(word => LinkWords.Contains(word.Trim('.', ':', '[', ']', '(', ')')));

        private static readonly HashSet<string> LinkWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "more", "read", "continue", "continued", "full", "rest", "story", "article", "post", "entry",
        };

        private string Describe(DateOrder order, List<(string Text, int Seen)> markers, List<string> furniture)
        {
            if (_openings == 0)
            {
                return "";
            }
            var text = new StringBuilder();
            var shapes = _openingShapes.OrderByDescending(shape => shape.Value).Take(3).ToList();
            text.Append(CultureInfo.InvariantCulture, $"Posts open with: {string.Join("; ", shapes.Select(shape => $"{shape.Key} ({shape.Value} of {_openings})"))}.");
            if (_dateLines.Count > 0)
            {
                var (template, (count, example)) = _dateLines.MaxBy(line => line.Value.Count);
                text.Append(CultureInfo.InvariantCulture, $" Date lines read like “{template}” ({count}; e.g. “{example}”)");
                text.Append(_dayFirst + _monthFirst > 0 || _dateLines.Keys.Any(key => key.Contains('/', StringComparison.Ordinal))
                    ? order == DateOrder.DayFirst ? ", numeric dates day first." : ", numeric dates month first."
                    : ".");
            }
            if (_markerEndings > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" {_markerEndings} excerpts end with a “Continue reading”-style line.");
            }
            foreach (var (marker, seen) in markers)
            {
                text.Append(CultureInfo.InvariantCulture, $" “{marker}” ({seen} times, each before a title) is read as the end of an excerpt.");
            }
            if (furniture.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $" Repeated between posts and left out of them as the page's furniture: {string.Join(", ", furniture.Take(5).Select(line => $"“{line}”"))}{(furniture.Count > 5 ? " …" : "")}.");
            }
            return text.ToString();
        }
    }
}
