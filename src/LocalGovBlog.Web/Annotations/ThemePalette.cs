using System.Globalization;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// A theme has one colour; highlights use a tint of its hue on the light page and a shade on the
/// dark page. Tints are made in CIELAB at one of four lightness levels, taken in turn by the
/// theme's place in the codebook, so neighbouring themes differ in lightness as well as hue (two
/// pale greens can no longer look alike), and body text on every level keeps WCAG AA contrast.
/// </summary>
public static class ThemePalette
{
    public const string LightPaper = "#fbf9f4";
    public const string LightInk = "#1f1d1a";
    public const string DarkPaper = "#17191c";
    public const string DarkInk = "#e9e5dc";

    /// <summary>CIELAB lightness of a highlight, by level: pale, middle, deeper.</summary>
    private static readonly double[] LightLevels = [95, 87, 79, 71];

    private static readonly double[] DarkLevels = [19, 26, 33, 40];

    /// <summary>Colours handed to new themes in turn, distinct from the seed codebook's.</summary>
    public static readonly IReadOnlyList<string> Spare = ["#8e5b3d", "#5b7f2a", "#6d5bd0", "#b0305a", "#2a7f7f", "#9b3d8e"];

    public static bool IsColor(string? value) =>
        value is { Length: 7 } && value[0] == '#' && value.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>The lightness level (0 to 3) of the theme at <paramref name="position"/> in codebook order.</summary>
    public static int Level(int position) => ((position % LevelCount) + LevelCount) % LevelCount;

    public const int LevelCount = 4;

    public static string LightHighlight(string color, int level = 0) => Tint(color, LightLevels[Level(level)], chromaShare: 0.45, maxChroma: 34);

    public static string DarkHighlight(string color, int level = 0) => Tint(color, DarkLevels[Level(level)], chromaShare: 0.55, maxChroma: 30);

    /// <summary>A stripe or underline in the theme's own hue, strong enough to see on the page's paper.</summary>
    public static string LightStripe(string color) => Tint(color, 50, chromaShare: 1, maxChroma: 70);

    public static string DarkStripe(string color) => Tint(color, 72, chromaShare: 1, maxChroma: 60);

    /// <summary>The colour with its CIELAB hue kept, lightness set to <paramref name="lightness"/>, chroma scaled and brought into sRGB.</summary>
    public static string Tint(string color, double lightness, double chromaShare, double maxChroma)
    {
        var (_, a, b) = ToLab(color);
        var chroma = Math.Min(Math.Sqrt(a * a + b * b) * chromaShare, maxChroma);
        var hue = Math.Atan2(b, a);
        // Lower the chroma until the colour fits in sRGB, so the hue stays true.
        for (; chroma > 0; chroma -= 1)
        {
            if (FromLab(lightness, chroma * Math.Cos(hue), chroma * Math.Sin(hue)) is { } fits)
            {
                return fits;
            }
        }
        return FromLab(lightness, 0, 0) ?? "#808080";
    }

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

    /// <summary>The CIEDE2000 colour difference of two colours (about 2.3 is a just-noticeable difference).</summary>
    public static double DeltaE2000(string first, string second) => DeltaE2000(ToLab(first), ToLab(second));

    /// <summary>CIEDE2000 (Sharma, Wu and Dalal 2005) of two CIELAB colours, with kL = kC = kH = 1.</summary>
    public static double DeltaE2000((double L, double A, double B) first, (double L, double A, double B) second)
    {
        static double Deg(double radians) => radians * 180 / Math.PI;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var (l1, a1, b1) = first;
        var (l2, a2, b2) = second;
        var meanC = (Math.Sqrt(a1 * a1 + b1 * b1) + Math.Sqrt(a2 * a2 + b2 * b2)) / 2;
        var g = 0.5 * (1 - Math.Sqrt(Math.Pow(meanC, 7) / (Math.Pow(meanC, 7) + Math.Pow(25, 7))));
        var ap1 = a1 * (1 + g);
        var ap2 = a2 * (1 + g);
        var c1 = Math.Sqrt(ap1 * ap1 + b1 * b1);
        var c2 = Math.Sqrt(ap2 * ap2 + b2 * b2);
        var h1 = c1 == 0 ? 0 : (Deg(Math.Atan2(b1, ap1)) + 360) % 360;
        var h2 = c2 == 0 ? 0 : (Deg(Math.Atan2(b2, ap2)) + 360) % 360;
        var dL = l2 - l1;
        var dC = c2 - c1;
        var dh = c1 * c2 == 0 ? 0 : Math.Abs(h2 - h1) <= 180 ? h2 - h1 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
        var dH = 2 * Math.Sqrt(c1 * c2) * Math.Sin(Rad(dh / 2));
        var meanL = (l1 + l2) / 2;
        var meanCp = (c1 + c2) / 2;
        var meanH = c1 * c2 == 0 ? h1 + h2 : Math.Abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        var t = 1 - 0.17 * Math.Cos(Rad(meanH - 30)) + 0.24 * Math.Cos(Rad(2 * meanH)) + 0.32 * Math.Cos(Rad(3 * meanH + 6)) - 0.20 * Math.Cos(Rad(4 * meanH - 63));
        var dTheta = 30 * Math.Exp(-Math.Pow((meanH - 275) / 25, 2));
        var rc = 2 * Math.Sqrt(Math.Pow(meanCp, 7) / (Math.Pow(meanCp, 7) + Math.Pow(25, 7)));
        var sl = 1 + 0.015 * Math.Pow(meanL - 50, 2) / Math.Sqrt(20 + Math.Pow(meanL - 50, 2));
        var sc = 1 + 0.045 * meanCp;
        var sh = 1 + 0.015 * meanCp * t;
        var rt = -Math.Sin(Rad(2 * dTheta)) * rc;
        return Math.Sqrt(Math.Pow(dL / sl, 2) + Math.Pow(dC / sc, 2) + Math.Pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
    }

    /// <summary>sRGB (D65) to CIELAB.</summary>
    public static (double L, double A, double B) ToLab(string color)
    {
        var (r, g, b) = Parse(color);
        var (lr, lg, lb) = (Linear(r), Linear(g), Linear(b));
        var x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        var y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        var z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : (24389.0 / 27 * t + 16) / 116;
        return (116 * F(y) - 16, 500 * (F(x) - F(y)), 200 * (F(y) - F(z)));
    }

    /// <summary>CIELAB to sRGB, or null when the colour lies outside sRGB.</summary>
    private static string? FromLab(double l, double a, double b)
    {
        var fy = (l + 16) / 116;
        var fx = fy + a / 500;
        var fz = fy - b / 200;
        static double Inverse(double f) => f * f * f > 216.0 / 24389 ? f * f * f : (116 * f - 16) / (24389.0 / 27);
        var x = Inverse(fx) * 0.95047;
        var y = Inverse(fy);
        var z = Inverse(fz) * 1.08883;
        double[] rgb =
        [
            3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
            -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
            0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
        ];
        if (rgb.Any(c => c < -0.001 || c > 1.001))
        {
            return null;
        }
        static int Encode(double c)
        {
            c = Math.Clamp(c, 0, 1);
            var s = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.Pow(c, 1 / 2.4) - 0.055;
            return (int)Math.Round(s * 255);
        }
        return string.Create(CultureInfo.InvariantCulture, $"#{Encode(rgb[0]):x2}{Encode(rgb[1]):x2}{Encode(rgb[2]):x2}");
    }

    private static double Linear(int c)
    {
        var s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static double Luminance(string color)
    {
        var (r, g, b) = Parse(color);
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
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
