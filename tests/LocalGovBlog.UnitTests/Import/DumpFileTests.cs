using System.Text;
using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

public sealed class DumpFileTests
{
    private static void Check(byte[] bytes) => DumpFile.Check(new MemoryStream(bytes), "dump.txt");

    [Fact]
    public void Check_AcceptsUtf8WithBomCrlfAndNoFinalNewline() =>
        Check([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Cities post\u2011Brexit\r\n\r\nZoë Müller\r\n\r\nText\u00A0here")]);

    [Fact]
    public void Check_AcceptsMultiByteCharactersSplitAcrossReadChunks()
    {
        // 64 KiB of ASCII puts the three bytes of the en dash either side of the chunk boundary.
        var bytes = Encoding.UTF8.GetBytes(new string('a', 64 * 1024 - 1) + "\u2013 end");

        Check(bytes);
    }

    [Fact]
    public void Check_NamesTheLineOfTheFirstInvalidByte()
    {
        var bytes = Encoding.UTF8.GetBytes("Title\n\nJane Doe\n\nCaf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var error = Assert.Throws<ImportRejectedException>(() => Check(bytes));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesATruncatedCharacterAtTheEnd()
    {
        var bytes = Encoding.UTF8.GetBytes("Title ").Concat(new byte[] { 0xE2, 0x80 }).ToArray();

        var error = Assert.Throws<ImportRejectedException>(() => Check(bytes));

        Assert.Contains("not valid UTF-8: byte 0xE2 at offset 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesNulBytesAsBinary()
    {
        var error = Assert.Throws<ImportRejectedException>(() => Check([.. "Title\n\n"u8.ToArray(), 0x00]));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    [InlineData("\uFEFF  \u00A0\n\t\n")]
    public void Check_RefusesAFileWithNoText(string text)
    {
        var error = Assert.Throws<ImportRejectedException>(() => Check(Encoding.UTF8.GetBytes(text)));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesAMissingFileByName()
    {
        var error = Assert.Throws<ImportRejectedException>(() => DumpFile.Check("/no/such/dump.txt"));

        Assert.Equal("No file at '/no/such/dump.txt'.", error.Message);
    }
}
