using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Data;

namespace LocalGovBlog.UnitTests.Annotations;

public class ThemePaletteTests
{
    public static TheoryData<string> Colors() => [.. ThemeCodebook.Seed.Select(t => t.Color).Concat(ThemePalette.Spare)];

    [Theory]
    [MemberData(nameof(Colors))]
    public void Highlights_KeepBodyTextAtAaContrast_InLightAndDarkMode(string color)
    {
        Assert.True(ThemePalette.Contrast(ThemePalette.LightHighlight(color), ThemePalette.LightInk) >= 4.5);
        Assert.True(ThemePalette.Contrast(ThemePalette.DarkHighlight(color), ThemePalette.DarkInk) >= 4.5);
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
