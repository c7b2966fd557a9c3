using System.Text;
using LocalGovBlog.Web.Export;
using Microsoft.VisualBasic.FileIO;

namespace LocalGovBlog.UnitTests.Export;

public sealed class TagCsvExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(byte[] Bytes, int Rows)> ExportAsync(params ExportedArticle[] articles)
    {
        using var output = new MemoryStream();
        var rows = await TagCsvExport.WriteAsync(output, ExportSamples.Iris, ExportSamples.Stream(articles), Cancel);
        return (output.ToArray(), rows);
    }

    /// <summary>Reads the file as a spreadsheet does (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<Dictionary<string, string>> Read(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    [Fact]
    public async Task File_StartsWithTheUtf8ByteOrderMark_SoSpreadsheetsReadAccentsAndEmoji()
    {
        var (bytes, _) = await ExportAsync(ExportSamples.Article());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("tag_id,permalink,article", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
        Assert.Equal("Mayors 🎉 and deals", Read(bytes)[0]["article_title"]);
    }

    [Fact]
    public async Task Rows_AreOnePerTagAndTheme_WithTheHeaderColumnsInOrder()
    {
        var (bytes, rows) = await ExportAsync(ExportSamples.Article(), ExportSamples.Plain());

        // Tag 11 has two themes, 12 and the orphan 13 one each; the untagged article adds none.
        Assert.Equal(4, rows);
        var read = Read(bytes);
        Assert.Equal(4, read.Count);
        Assert.Equal(TagCsvExport.Columns, read[0].Keys);
        Assert.Equal(["11", "11", "12", "13"], read.Select(r => r["tag_id"]));
        Assert.Equal(["devolution", "governance"], read.Where(r => r["tag_id"] == "11").Select(r => r["theme"]).Order());
        Assert.Equal("https://archive.example/articles/emoji-article#tag-11", read[0]["permalink"]);
        Assert.Equal("Jane Doe; Sam Roe", read[0]["authors"]);
        Assert.Equal("2026-03-04T10:20:30Z", read[0]["created"]);
    }

    [Fact]
    public async Task FormulaNote_OpensAsText_NeverAsAFormula()
    {
        var (bytes, _) = await ExportAsync(ExportSamples.Article());
        var read = Read(bytes);

        var note = read.First(r => r["tag_id"] == "11")["note"];
        Assert.Equal("'" + ExportSamples.FormulaNote, note);
        // Every text cell a person typed that starts like a formula (= + - @) is neutralised the same way.
        Assert.Equal("'+1 line\r\nnote, with comma", read.First(r => r["tag_id"] == "12")["note"]);
        Assert.Equal("'-orphan", read.First(r => r["tag_id"] == "13")["note"]);
        Assert.All(read.SelectMany(r => r.Values), cell => Assert.DoesNotMatch("^[=+\\-@]", cell));
    }

    [Fact]
    public async Task QuotesCommasAndLineBreaks_AreQuotedPerRfc4180_AndRecordsEndWithCrLf()
    {
        var (bytes, _) = await ExportAsync(ExportSamples.Article());
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains("\"\"\"quoted\"\", with commas.\nSecond\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Equal("\"quoted\", with commas.\nSecond", Read(bytes).First(r => r["tag_id"] == "12")["quote"]);
        Assert.Equal("Finance, \"money\" & <budgets>", Read(bytes).First(r => r["tag_id"] == "12")["theme_name"]);
    }

    [Fact]
    public async Task Offsets_CountCodePoints_AndAnOrphanHasNone()
    {
        var (bytes, _) = await ExportAsync(ExportSamples.Article());
        var read = Read(bytes);
        var utf16 = ExportSamples.EmojiText.IndexOf("devolution deals", StringComparison.Ordinal);
        var codePoints = ExportSamples.EmojiText[..utf16].EnumerateRunes().Count();
        Assert.NotEqual(utf16, codePoints);

        var row = read.First(r => r["tag_id"] == "11");
        Assert.Equal(codePoints.ToString(System.Globalization.CultureInfo.InvariantCulture), row["start"]);
        Assert.Equal((codePoints + "devolution deals".Length).ToString(System.Globalization.CultureInfo.InvariantCulture), row["end"]);
        var orphan = read.First(r => r["tag_id"] == "13");
        Assert.Equal(("", "", "true"), (orphan["start"], orphan["end"], orphan["orphan"]));
    }
}
