using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;

namespace LocalGovBlog.UnitTests.Annotations;

public class ThemePaletteTests
{
    public static TheoryData<string> Colors() => [.. ThemeCodebook.Seed.Select(t => t.Color).Concat(ThemePalette.Spare)];

    /// <summary>The seed codebook then the spare colours, in the order themes are added (the order levels are given in).</summary>
    private static readonly string[] Codebook = [.. ThemeCodebook.Seed.OrderBy(t => t.Id).Select(t => t.Color).Concat(ThemePalette.Spare)];

    [Theory]
    [MemberData(nameof(Colors))]
    public void Highlights_KeepBodyTextAtAaContrast_InLightAndDarkMode_AtEveryLevel(string color)
    {
        for (var level = 0; level < ThemePalette.LevelCount; level++)
        {
            Assert.True(ThemePalette.Contrast(ThemePalette.LightHighlight(color, level), ThemePalette.LightInk) >= 4.5, $"{color} light level {level}");
            Assert.True(ThemePalette.Contrast(ThemePalette.DarkHighlight(color, level), ThemePalette.DarkInk) >= 4.5, $"{color} dark level {level}");
        }
    }

    // Reference pairs from Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes".
    [Theory]
    [InlineData(50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425)]
    [InlineData(50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669)]
    [InlineData(50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492)]
    [InlineData(50.0, 2.5, 0.0, 61.0, -5.0, 29.0, 22.8977)]
    [InlineData(50.0, 2.5, 0.0, 56.0, -27.0, -3.0, 31.9030)]
    [InlineData(50.0, 2.5, 0.0, 58.0, 24.0, 15.0, 19.4535)]
    [InlineData(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    public void DeltaE2000_MatchesThePublishedTestData(double l1, double a1, double b1, double l2, double a2, double b2, double expected) =>
        Assert.Equal(expected, ThemePalette.DeltaE2000((l1, a1, b1), (l2, a2, b2)), 4);

    [Fact]
    public void NeighbouringThemes_AreFarApartInColourAndLightness_OnBothPages()
    {
        for (var i = 1; i < Codebook.Length; i++)
        {
            var (before, after) = (Codebook[i - 1], Codebook[i]);
            var light = ThemePalette.DeltaE2000(ThemePalette.LightHighlight(before, i - 1), ThemePalette.LightHighlight(after, i));
            var dark = ThemePalette.DeltaE2000(ThemePalette.DarkHighlight(before, i - 1), ThemePalette.DarkHighlight(after, i));
            Assert.True(light >= 10, $"{before} and {after}: ΔE00 {light:F1} on the light page");
            Assert.True(dark >= 10, $"{before} and {after}: ΔE00 {dark:F1} on the dark page");
            var lightness = Math.Abs(ThemePalette.ToLab(ThemePalette.LightHighlight(before, i - 1)).L - ThemePalette.ToLab(ThemePalette.LightHighlight(after, i)).L);
            Assert.True(lightness >= 6, $"{before} and {after} differ by only {lightness:F1} in lightness");
        }
    }

    [Fact]
    public void AnyTwoThemes_AreNoticeablyDifferent()
    {
        for (var i = 0; i < Codebook.Length; i++)
        {
            for (var j = i + 1; j < Codebook.Length; j++)
            {
                var light = ThemePalette.DeltaE2000(ThemePalette.LightHighlight(Codebook[i], i), ThemePalette.LightHighlight(Codebook[j], j));
                Assert.True(light >= 5, $"{Codebook[i]} and {Codebook[j]}: ΔE00 {light:F1}");
            }
        }
    }

    [Fact]
    public void SeedCodebook_HasTenDistinctColoursAndDescriptions()
    {
        Assert.Equal(10, ThemeCodebook.Seed.Select(t => t.Color).Distinct().Count());
        Assert.All(ThemeCodebook.Seed, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void Offsets_ConvertBetweenUtf16AndCodePoints()
    {
        var text = "a😀b";
        Assert.Equal(2, TextOffsets.ToCodePoints(text, 3));
        Assert.Equal(3, TextOffsets.ToUtf16(text, 2));
        Assert.Equal(-1, TextOffsets.ToUtf16(text, 4));
    }
}
