using System.Text;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class PassageSelectorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Context_NeverCutsAnEmojiInHalf_AndStaysAtLeastTheContextLength(int more)
    {
        // The emoji's two UTF-16 units sit exactly where a 32-unit prefix or suffix would be cut.
        var left = new string('a', more) + "🎉" + new string('b', 31);
        var right = new string('c', 31) + "🎉" + new string('d', more);
        var text = left + "the passage" + right;
        var start = left.Length;

        var selector = PassageSelector.Of(text, start, start + "the passage".Length);

        Assert.True(IsWholeText(selector.Prefix), selector.Prefix);
        Assert.True(IsWholeText(selector.Suffix), selector.Suffix);
        Assert.Equal("🎉" + new string('b', 31), selector.Prefix);
        Assert.Equal(new string('c', 31) + "🎉", selector.Suffix);
    }

    /// <summary>No lone surrogate: enumerating runes reports one as U+FFFD.</summary>
    private static bool IsWholeText(string s) => !s.EnumerateRunes().Any(r => r == Rune.ReplacementChar);
}
