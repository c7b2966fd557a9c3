using System.Text.Json;
using LocalGovBlog.Web.Export;

namespace LocalGovBlog.UnitTests.Export;

public sealed class W3cAnnotationExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(JsonElement Root, int Written)> ExportAsync()
    {
        using var output = new MemoryStream();
        var written = await W3cAnnotationExport.WriteAsync(output, ExportSamples.Iris, "https://archive.example/export/annotations.jsonld", "All", 3,
            ExportSamples.Stream(ExportSamples.Article(), ExportSamples.Plain()), Cancel);
        return (JsonDocument.Parse(output.ToArray()).RootElement.Clone(), written);
    }

    [Fact]
    public async Task Export_IsOneAnnotationCollection_WhoseFirstPageHoldsEveryTag()
    {
        var (root, written) = await ExportAsync();

        Assert.Equal(3, written);
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", root.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", root.GetProperty("type").GetString());
        Assert.Equal(3, root.GetProperty("total").GetInt32());
        var page = root.GetProperty("first");
        Assert.Equal("AnnotationPage", page.GetProperty("type").GetString());
        Assert.Equal(["https://archive.example/api/annotations/11", "https://archive.example/api/annotations/12", "https://archive.example/api/annotations/13"],
            page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Annotations_CountPositionsInCodePoints_NameTheirCreatorByIri_AndWriteUtcTimesWithZ()
    {
        var (root, _) = await ExportAsync();
        var first = root.GetProperty("first").GetProperty("items")[0];

        var position = first.GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "TextPositionSelector");
        var runes = ExportSamples.EmojiText.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal("devolution deals", string.Concat(runes[position.GetProperty("start").GetInt32()..position.GetProperty("end").GetInt32()]));
        Assert.Equal("https://archive.example/users/" + ExportSamples.OwnerId, first.GetProperty("creator").GetProperty("id").GetString());
        Assert.Equal("2026-03-04T10:20:30Z", first.GetProperty("created").GetString());
        Assert.False(first.TryGetProperty("canEdit", out _)); // no viewer asks in an export
        // An orphan keeps its quote but has no position.
        var orphan = root.GetProperty("first").GetProperty("items")[2];
        Assert.Equal(["TextQuoteSelector"], orphan.GetProperty("target").GetProperty("selector").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
    }
}
