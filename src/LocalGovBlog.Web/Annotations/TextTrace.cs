using DiffMatchPatch;

namespace LocalGovBlog.Web.Annotations;

/// <summary>A stretch of old text the diff keeps together: <see cref="Length"/> characters from old offset <see cref="Old"/>, now at <see cref="New"/>.</summary>
internal readonly record struct TracedRun(int Old, int New, int Length)
{
    public int OldEnd => Old + Length;

    public int NewEnd => New + Length;
}

/// <summary>
/// Where every character of an old text went in the new one, from character diffs: its new
/// offset, or none when it was deleted; which new characters were typed in; and, for each edit,
/// which old stretch the typed-in text replaced (so a passage that lost its first word can take
/// the word that replaced it).
/// </summary>
internal sealed class TextTrace
{
    private readonly int[] _oldToNew;
    // Bits, not bools: a 100 KB article's flags stay off the large-object heap.
    private readonly System.Collections.BitArray _newFromOld;
    private readonly System.Collections.BitArray _unsure;
    private readonly Dictionary<int, Edit> _editsByOldStart = [];
    private readonly Dictionary<int, Edit> _editsByOldEnd = [];

    /// <summary>Old [OldStart, OldEnd) was replaced by new [NewStart, NewEnd); either may be empty.</summary>
    private readonly record struct Edit(int OldStart, int OldEnd, int NewStart, int NewEnd);

    private TextTrace(int oldLength, int newLength)
    {
        _oldToNew = new int[oldLength];
        Array.Fill(_oldToNew, -1);
        _newFromOld = new System.Collections.BitArray(newLength);
        _unsure = new System.Collections.BitArray(oldLength);
    }

    public int OldLength => _oldToNew.Length;

    public int NewLength => _newFromOld.Length;

    /// <summary>The trace of one character diff between two texts of these lengths.</summary>
    public static TextTrace Of(List<Diff> diffs, int oldLength, int newLength)
    {
        ArgumentNullException.ThrowIfNull(diffs);
        var trace = new TextTrace(oldLength, newLength);
        trace.Apply(diffs, new OffsetMap(null, 0), new OffsetMap(null, 0));
        return trace;
    }

    /// <summary>
    /// The trace between two articles' texts, aware that paragraphs and sentences move: paragraphs
    /// are compared first (see <see cref="SegmentDiff"/>), then the sentences of each changed
    /// stretch or pair, then their words, then the characters of the words still changed. A
    /// paragraph or sentence with two plausible homes is marked unsure, and its characters traced
    /// nowhere.
    /// </summary>
    public static TextTrace Between(string oldText, string newText, diff_match_patch dmp)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentNullException.ThrowIfNull(dmp);
        var trace = new TextTrace(oldText.Length, newText.Length);
        trace.Align(dmp, oldText, newText, new OffsetMap(null, 0), new OffsetMap(null, 0), Segmentation.Paragraphs);
        return trace;
    }

    private void Align(diff_match_patch dmp, string oldText, string newText, OffsetMap oldMap, OffsetMap newMap, Segmentation by)
    {
        var segments = oldText.Length == 0 || newText.Length == 0 ? null : SegmentDiff.Of(oldText, newText, dmp, by);
        if (segments is null)
        {
            Apply(SegmentDiff.Characters(dmp, oldText, newText), oldMap, newMap);
            return;
        }
        foreach (var (start, end) in segments.Unsure)
        {
            for (var i = start; i < end; i++)
            {
                _unsure[oldMap[i]] = true;
            }
        }
        foreach (var piece in segments.Pieces)
        {
            var pieceOld = OffsetMap.Compose(piece.OldMap, oldMap, piece.Old.Length);
            var pieceNew = OffsetMap.Compose(piece.NewMap, newMap, piece.New.Length);
            if (piece.Unchanged)
            {
                Keep(piece.Old.Length, pieceOld, pieceNew);
            }
            else if (by == Segmentation.Words || piece.Old.Length == 0 || piece.New.Length == 0)
            {
                Apply(SegmentDiff.Characters(dmp, piece.Old.ToString(), piece.New.ToString()), pieceOld, pieceNew);
            }
            else
            {
                Align(dmp, piece.Old.ToString(), piece.New.ToString(), pieceOld, pieceNew, by + 1);
            }
        }
    }

    /// <summary>The characters of old [start, end) that survive, in old order, as runs that are consecutive in both texts.</summary>
    public List<TracedRun> Survivors(int start, int end)
    {
        var runs = new List<TracedRun>();
        for (var i = Math.Max(0, start); i < Math.Min(end, OldLength); i++)
        {
            var at = _oldToNew[i];
            if (at < 0)
            {
                continue;
            }
            if (runs.Count > 0 && runs[^1].OldEnd == i && runs[^1].NewEnd == at)
            {
                runs[^1] = runs[^1] with { Length = runs[^1].Length + 1 };
            }
            else
            {
                runs.Add(new TracedRun(i, at, 1));
            }
        }
        return runs;
    }

    public int SurvivingCount(int start, int end)
    {
        var count = 0;
        for (var i = Math.Max(0, start); i < Math.Min(end, OldLength); i++)
        {
            count += _oldToNew[i] >= 0 ? 1 : 0;
        }
        return count;
    }

    /// <summary>How many characters of old [start, end) lie in paragraphs or sentences with two plausible homes.</summary>
    public int UnsureCount(int start, int end)
    {
        var count = 0;
        for (var i = Math.Max(0, start); i < Math.Min(end, OldLength); i++)
        {
            count += _unsure[i] ? 1 : 0;
        }
        return count;
    }

    /// <summary>How many characters of new [start, end) were typed in (come from no old character).</summary>
    public int InsertedCount(int start, int end)
    {
        var count = 0;
        for (var i = Math.Max(0, start); i < Math.Min(end, NewLength); i++)
        {
            count += _newFromOld[i] ? 0 : 1;
        }
        return count;
    }

    /// <summary>The stretches of typed-in new text at least <paramref name="minLength"/> long, as (start, length).</summary>
    public List<(int Start, int Length)> Insertions(int minLength)
    {
        var insertions = new List<(int, int)>();
        for (var i = 0; i < NewLength;)
        {
            if (_newFromOld[i])
            {
                i++;
                continue;
            }
            var start = i;
            while (i < NewLength && !_newFromOld[i])
            {
                i++;
            }
            if (i - start >= minLength)
            {
                insertions.Add((start, i - start));
            }
        }
        return insertions;
    }

    /// <summary>
    /// [start, end) widened by up to <paramref name="reach"/> characters either side over old text
    /// that was deleted too: what went away with a passage, and so may have moved with it.
    /// </summary>
    public (int Start, int End) WidenOverDeleted(int start, int end, int reach)
    {
        var from = start;
        while (from > Math.Max(0, start - reach) && _oldToNew[from - 1] < 0)
        {
            from--;
        }
        var to = end;
        while (to < Math.Min(OldLength, end + reach) && _oldToNew[to] < 0)
        {
            to++;
        }
        return (from, to);
    }

    /// <summary>
    /// Where a passage whose first characters were lost should start: at the text typed in their
    /// place when that edit replaced only characters of the passage (old offsets from
    /// <paramref name="passageStart"/>) and sits right before its first surviving run; else at the run.
    /// </summary>
    public int StartWithReplacement(TracedRun first, int passageStart) =>
        first.Old > passageStart && _editsByOldEnd.TryGetValue(first.Old, out var edit)
        && edit.OldStart >= passageStart && edit.NewEnd == first.New && edit.NewEnd > edit.NewStart
            ? edit.NewStart
            : first.New;

    /// <summary>The end's counterpart of <see cref="StartWithReplacement"/>.</summary>
    public int EndWithReplacement(TracedRun last, int passageEnd) =>
        last.OldEnd < passageEnd && _editsByOldStart.TryGetValue(last.OldEnd, out var edit)
        && edit.OldEnd <= passageEnd && edit.NewStart == last.NewEnd && edit.NewEnd > edit.NewStart
            ? edit.NewEnd
            : last.NewEnd;

    /// <summary>Records <paramref name="length"/> characters kept as they were.</summary>
    private void Keep(int length, OffsetMap old, OffsetMap @new)
    {
        for (var k = 0; k < length; k++)
        {
            var to = @new[k];
            _oldToNew[old[k]] = to;
            _newFromOld[to] = true;
        }
    }

    /// <summary>Records one diff between a stretch of each text; the maps turn the diff's own offsets into the texts'.</summary>
    private void Apply(List<Diff> diffs, OffsetMap old, OffsetMap @new)
    {
        var (a, b) = (0, 0);
        var (editOld, editNew, deleted, inserted) = (0, 0, 0, 0);
        void Flush()
        {
            if (deleted > 0 && inserted > 0)
            {
                var edit = new Edit(old[editOld], old[editOld + deleted - 1] + 1, @new[editNew], @new[editNew + inserted - 1] + 1);
                _editsByOldStart[edit.OldStart] = edit;
                _editsByOldEnd[edit.OldEnd] = edit;
            }
            (deleted, inserted) = (0, 0);
        }
        foreach (var diff in diffs)
        {
            var length = diff.text.Length;
            switch (diff.operation)
            {
                case Operation.EQUAL:
                    Flush();
                    for (var k = 0; k < length; k++)
                    {
                        var to = @new[b + k];
                        _oldToNew[old[a + k]] = to;
                        _newFromOld[to] = true;
                    }
                    (a, b) = (a + length, b + length);
                    break;
                case Operation.DELETE:
                    if (deleted == 0)
                    {
                        editOld = a;
                    }
                    deleted += length;
                    a += length;
                    break;
                default:
                    if (inserted == 0)
                    {
                        editNew = b;
                    }
                    inserted += length;
                    b += length;
                    break;
            }
        }
        Flush();
    }
}

/// <summary>A diff's own offsets to a text's: a list of offsets (for stretches pieced together), else a plain shift.</summary>
internal readonly record struct OffsetMap(int[]? Offsets, int Base)
{
    public int this[int index] => Offsets is null ? Base + index : Offsets[index];

    /// <summary>The map of a piece (<paramref name="inner"/>, into its parent) on into the text (<paramref name="outer"/>).</summary>
    public static OffsetMap Compose(OffsetMap inner, OffsetMap outer, int length)
    {
        if (inner.Offsets is null && outer.Offsets is null)
        {
            return new OffsetMap(null, inner.Base + outer.Base);
        }
        var offsets = new int[length];
        for (var i = 0; i < length; i++)
        {
            offsets[i] = outer[inner[i]];
        }
        return new OffsetMap(offsets, 0);
    }
}
