using CsCheck;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.UnitTests.Annotations;

public class CodePointOffsetsTests
{
    // Letters, emoji halves and lone halves in any order: pairs, broken pairs and reversed pairs all occur.
    private static readonly char[] Letters = ['a', 'é', '\n', '\uD83C', '\uDFDB', '\uD840', '\uDC0B'];

    private static readonly Gen<string> Text = Gen.Int[0, Letters.Length - 1].Select(i => Letters[i]).Array[0, 40]
        .Select(chars => new string(chars));

    [Fact]
    public void EveryOffset_CountsTheSameCodePointsAsAScanFromTheStart()
    {
        Text.Sample(text =>
        {
            var offsets = new CodePointOffsets(text);
            for (var utf16 = -1; utf16 <= text.Length + 1; utf16++)
            {
                Assert.Equal(TextOffsets.ToCodePoints(text, utf16), offsets.ToCodePoints(utf16));
            }
        });
    }

    [Fact]
    public void OffsetsAfterEmoji_CountEachEmojiAsOneCodePoint()
    {
        var offsets = new CodePointOffsets("a😀b𠀋c");

        Assert.Equal([0, 1, 2, 3, 4, 5], new[] { 0, 1, 3, 4, 6, 7 }.Select(offsets.ToCodePoints));
    }
}
