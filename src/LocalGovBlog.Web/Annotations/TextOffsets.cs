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
