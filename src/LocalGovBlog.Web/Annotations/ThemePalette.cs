using System.Globalization;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// A theme has one colour; highlights use a tint of it on the light page and a shade of it on the
/// dark page, mixed so that body text on them keeps WCAG AA contrast (4.5:1).
/// </summary>
public static class ThemePalette
{
    public const string LightPaper = "#fbf9f4";
    public const string LightInk = "#1f1d1a";
    public const string DarkPaper = "#17191c";
    public const string DarkInk = "#e9e5dc";

    private const double LightMix = 0.30;
    private const double DarkMix = 0.38;

    /// <summary>Colours handed to new themes in turn, distinct from the seed codebook's.</summary>
    public static readonly IReadOnlyList<string> Spare = ["#8e5b3d", "#5b7f2a", "#6d5bd0", "#a0522d", "#2a7f7f", "#9b3d8e"];

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    public static string LightHighlight(string color) => Mix(color, LightPaper, LightMix);

    public static string DarkHighlight(string color) => Mix(color, DarkPaper, DarkMix);

    public static string Mix(string color, string paper, double amount)
    {
        var (r1, g1, b1) = Parse(color);
        var (r2, g2, b2) = Parse(paper);
        static int Blend(int a, int b, double t) => (int)Math.Round(a * t + b * (1 - t));
        return string.Create(CultureInfo.InvariantCulture, $"#{Blend(r1, r2, amount):x2}{Blend(g1, g2, amount):x2}{Blend(b1, b2, amount):x2}");
    }

    public static double Contrast(string a, string b)
    {
        var la = Luminance(a);
        var lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string color)
    {
        var (r, g, b) = Parse(color);
        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }

    private static (int R, int G, int B) Parse(string color)
    {
        if (!IsColor(color))
        {
            throw new FormatException($"'{color}' is not a #rrggbb colour.");
        }
        return (int.Parse(color.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(color.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(color.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
