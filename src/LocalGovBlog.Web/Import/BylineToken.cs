namespace LocalGovBlog.Web.Import;

/// <summary>A word, comma or ampersand of a byline, with its position so names and role keep their characters.</summary>
internal readonly record struct BylineToken(string Text, int Start, int End)
{
    public bool IsComma => Text == ",";

    /// <summary>"and" or "&amp;" between co-authors.</summary>
    public bool IsConnector => Text is "and" or "&";

    public static List<BylineToken> Split(string text)
    {
        var tokens = new List<BylineToken>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            var c = atEnd ? ' ' : text[i];
            var separates = LineShape.IsSpace(c) || c == ',';
            if (!separates)
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                tokens.Add(new BylineToken(text[start..i], start, i));
                start = -1;
            }
            if (c == ',')
            {
                tokens.Add(new BylineToken(",", i, i + 1));
            }
        }
        return tokens;
    }
}
