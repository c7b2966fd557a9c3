namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>
/// A text being edited that remembers where every character came from: the index it had in the
/// original text, or none for a character the edits typed in. This provenance is the ground truth
/// the accuracy benchmark judges re-anchoring by; no diff is involved in keeping it.
/// </summary>
public sealed class TracedText
{
    private readonly List<char> _chars;
    private readonly List<int> _origin;

    // For a typed-in character: the original range [From, To) the edit that typed it replaced, or (-1, -1).
    private readonly List<(int From, int To)> _replaced;
    private string? _text;

    public TracedText(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Original = original;
        _chars = [.. original];
        _origin = [.. Enumerable.Range(0, original.Length)];
        _replaced = [.. Enumerable.Repeat((-1, -1), original.Length)];
    }

    public string Original { get; }

    public string Text => _text ??= new string([.. _chars]);

    public int Length => _chars.Count;

    /// <summary>Replaces [start, end) of the current text; the new characters remember what they replaced.</summary>
    public void Replace(int start, int end, string insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        if (start < 0 || end < start || end > _chars.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is outside a text of {_chars.Count}");
        }
        var from = int.MaxValue;
        var to = int.MinValue;
        for (var i = start; i < end; i++)
        {
            var (f, t) = _origin[i] >= 0 ? (_origin[i], _origin[i] + 1) : _replaced[i];
            if (f >= 0)
            {
                from = Math.Min(from, f);
                to = Math.Max(to, t);
            }
        }
        var replaced = from <= to ? (from, to) : (-1, -1);
        _chars.RemoveRange(start, end - start);
        _origin.RemoveRange(start, end - start);
        _replaced.RemoveRange(start, end - start);
        _chars.InsertRange(start, insert);
        _origin.InsertRange(start, Enumerable.Repeat(-1, insert.Length));
        _replaced.InsertRange(start, Enumerable.Repeat(replaced, insert.Length));
        _text = null;
    }

    public void Insert(int at, string insert) => Replace(at, at, insert);

    public void Delete(int start, int end) => Replace(start, end, "");

    /// <summary>Cuts [start, end) and puts it back at <paramref name="to"/> (an offset in the text without the cut piece); the characters keep their origin.</summary>
    public void Move(int start, int end, int to)
    {
        var chars = _chars.GetRange(start, end - start);
        var origin = _origin.GetRange(start, end - start);
        var replaced = _replaced.GetRange(start, end - start);
        _chars.RemoveRange(start, end - start);
        _origin.RemoveRange(start, end - start);
        _replaced.RemoveRange(start, end - start);
        _chars.InsertRange(to, chars);
        _origin.InsertRange(to, origin);
        _replaced.InsertRange(to, replaced);
        _text = null;
    }

    /// <summary>The original index of the character now at <paramref name="index"/>, or -1 if an edit typed it.</summary>
    public int OriginOf(int index) => _origin[index];

    /// <summary>For a typed-in character: the original range its edit replaced, or (-1, -1).</summary>
    public (int From, int To) ReplacedBy(int index) => _replaced[index];

    /// <summary>Where each original character is now, or -1 when it was deleted.</summary>
    public int[] CurrentPositions()
    {
        var positions = new int[Original.Length];
        Array.Fill(positions, -1);
        for (var i = 0; i < _origin.Count; i++)
        {
            if (_origin[i] >= 0)
            {
                positions[_origin[i]] = i;
            }
        }
        return positions;
    }

    public override string ToString() => Text;
}
