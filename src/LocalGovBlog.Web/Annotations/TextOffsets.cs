namespace LocalGovBlog.Web.Annotations;

/// <summary>The store counts UTF-16 code units; the W3C export counts Unicode code points.</summary>
public static class TextOffsets
{
    public static int ToCodePoints(string text, int utf16Offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var i = 0; i < utf16Offset && i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="codePoint"/>, or -1 past the end.</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (codePoint < 0)
        {
            return -1;
        }
        var i = 0;
        for (var seen = 0; seen < codePoint; seen++)
        {
            if (i >= text.Length)
            {
                return -1;
            }
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        return i;
    }
}

/// <summary>
/// <see cref="TextOffsets.ToCodePoints"/> for many offsets into one text, as an export converts every tag of an
/// article: the text is read once, for where its surrogate pairs are, and each offset then costs a binary search
/// over those (nothing at all for the many texts without any), instead of a scan from the start of the text.
/// </summary>
public sealed class CodePointOffsets
{
    private readonly int _length;

    // The UTF-16 index of the second half of each surrogate pair, ascending: each one is a code unit that is no code point.
    private readonly int[] _pairEnds;

    public CodePointOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _length = text.Length;
        var first = text.AsSpan().IndexOfAnyInRange('\uDC00', '\uDFFF');
        if (first < 0)
        {
            _pairEnds = [];
            return;
        }
        var pairEnds = new List<int>();
        for (var i = Math.Max(first, 1); i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                pairEnds.Add(i);
            }
        }
        _pairEnds = [.. pairEnds];
    }

    public int ToCodePoints(int utf16Offset)
    {
        var end = Math.Clamp(utf16Offset, 0, _length);
        var found = Array.BinarySearch(_pairEnds, end);
        var pairsBefore = found >= 0 ? found : ~found;
        return end - pairsBefore;
    }
}
