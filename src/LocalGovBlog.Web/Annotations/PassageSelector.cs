namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// The two W3C selectors of one passage: its position in the canonical text (UTF-16, end
/// exclusive) and its quote with about <see cref="ContextLength"/> characters either side.
/// </summary>
public sealed record PassageSelector(int Start, int End, string Exact, string Prefix, string Suffix)
{
    public const int ContextLength = 32;

    /// <summary>The selector of <paramref name="text"/>[start..end], with prefix and suffix taken from the text.</summary>
    public static PassageSelector Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var prefixStart = Math.Max(0, start - ContextLength);
        var suffixEnd = Math.Min(text.Length, end + ContextLength);
        // Never half a character in the context: an emoji cut at the 32nd unit would leave a lone surrogate, which is
        // not text (PostgreSQL refuses it; SQLite's UTF-8 writer turns it into U+FFFD). Widen by one unit instead, so a
        // context taken away from the text's edge stays at least ContextLength long and still reads as "not the edge".
        if (prefixStart > 0 && char.IsLowSurrogate(text[prefixStart]) && char.IsHighSurrogate(text[prefixStart - 1]))
        {
            prefixStart--;
        }
        if (suffixEnd < text.Length && char.IsHighSurrogate(text[suffixEnd - 1]) && char.IsLowSurrogate(text[suffixEnd]))
        {
            suffixEnd++;
        }
        return new PassageSelector(start, end, text[start..end], text[prefixStart..start], text[end..suffixEnd]);
    }
}

public enum AnchorOutcome
{
    /// <summary>Same words at the same offsets.</summary>
    Kept,

    /// <summary>The same words, found again at other offsets.</summary>
    Moved,

    /// <summary>Followed its characters, but its words changed: the tagger should review it.</summary>
    Edited,

    /// <summary>Not found with enough confidence: kept, but attached to no words.</summary>
    Orphaned,
}

/// <summary>Where a passage landed in the new text; <see cref="Selector"/> is null for an orphan.</summary>
public sealed record AnchorResult(AnchorOutcome Outcome, PassageSelector? Selector);
