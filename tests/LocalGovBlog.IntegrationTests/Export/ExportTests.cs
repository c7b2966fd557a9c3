using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using Microsoft.VisualBasic.FileIO;

namespace LocalGovBlog.IntegrationTests.Export;

public sealed class ExportTests : ArchiveTest
{
    private static readonly Lazy<JsonSchema> W3cSchema = new(() =>
        JsonSchema.FromFile(RepositoryPaths.TestData("web-annotation.schema.json")));

    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private string _slug = "";
    private string _text = "";

    public ExportTests() : base(seed: false)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _slug = await ExportArchive.ImportDumpAsync(Factory);
        _text = await TaggingClient.TextAsync(new FormsClient(Factory), _slug);
        Assert.NotEqual(_text.Length, _text.EnumerateRunes().Count());
    }

    private static string SchemaErrors(JsonElement json)
    {
        var result = W3cSchema.Value.Evaluate(json, Strict);
        return result.IsValid ? "" : string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
    }

    private static async Task<JsonElement> JsonAsync(FormsClient client, string path)
    {
        var response = await client.Http.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Ada (the first account: an admin) tags three passages, one private, two across or after the emoji; Bea tags one privately.</summary>
    private async Task<(FormsClient Ada, FormsClient Bea)> TagArchiveAsync()
    {
        var ada = await ExportArchive.SignedInAsync(Factory, "ada");
        await ExportArchive.TagAsync(ada, _slug, _text, "deal published so far", ["devolution"], "=HYPERLINK(\"http://evil.example\",\"x\")");
        await ExportArchive.TagAsync(ada, _slug, _text, "same 🎉 shape: a mayor", ["devolution", "leadership"]);
        await ExportArchive.TagAsync(ada, _slug, _text, "list of powers", ["leadership"], "Ada's own reading", isPublic: false);
        var bea = await ExportArchive.SignedInAsync(Factory, "bea");
        await ExportArchive.TagAsync(bea, _slug, _text, "serious account of scrutiny", ["accountability"], "Bea's draft", isPublic: false);
        return (ada, bea);
    }

    [Fact]
    public async Task W3cExport_ImportedIntoAnEmptyStore_RestoresEveryTagWithIdenticalQuotesAndCodePointPositions()
    {
        var (ada, _) = await TagArchiveAsync();
        var original = ExportArchive.Passages(await ExportArchive.AnnotationsAsync(ada, _slug));
        var response = await ada.Http.GetAsync("/export/annotations.jsonld", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var file = await response.Content.ReadAsByteArrayAsync(Cancel);
        // Ada's export holds her three tags, her private one too, and none of Bea's private ones.
        Assert.Equal(3, JsonDocument.Parse(file).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(3, original.Count(p => !p.Contains("Bea's", StringComparison.Ordinal)));

        await using var empty = new ArchiveFactory(seed: false);
        var slug = await ExportArchive.ImportDumpAsync(empty);
        Assert.Equal(_slug, slug);
        var editor = await ExportArchive.SignedInAsync(empty, "editor");
        var report = await ExportArchive.UploadAsync(editor, "/import/annotations", "localgovblog-annotations.jsonld", file);

        Assert.Equal(("3", "3", "0"), (report["Read from the file"], report["Added, placed on their words"], report["Skipped"]));
        var restored = ExportArchive.Passages(await ExportArchive.AnnotationsAsync(editor, slug));
        Assert.Equal(original.Where(p => !p.Contains("Bea's", StringComparison.Ordinal)), restored);
        Assert.Contains(restored, p => p.StartsWith("same 🎉 shape: a mayor | ", StringComparison.Ordinal));

        // Importing the same file again adds nothing.
        var again = await ExportArchive.UploadAsync(editor, "/import/annotations", "again.jsonld", file);
        Assert.Equal(("0", "3"), (again["Added, placed on their words"], again["Already here (not added again)"]));
    }

    [Fact]
    public async Task ServedAnnotations_ValidateAgainstTheWebAnnotationSchema_InTheApiAndTheExport()
    {
        var (ada, _) = await TagArchiveAsync();

        var listed = await ExportArchive.AnnotationsAsync(ada, _slug);
        Assert.Equal(3, listed.GetArrayLength());
        foreach (var annotation in listed.EnumerateArray())
        {
            Assert.Equal("", SchemaErrors(annotation));
            Assert.EndsWith("Z", annotation.GetProperty("created").GetString(), StringComparison.Ordinal);
            Assert.Matches("^https://localgovblog\\.test/users/[0-9a-f-]{36}$", annotation.GetProperty("creator").GetProperty("id").GetString());
        }
        var created = await ExportArchive.TagAsync(ada, _slug, _text, "a combined authority", ["leadership"]);
        Assert.Equal("", SchemaErrors(created));
        var export = await JsonAsync(ada, "/export/annotations.jsonld");
        Assert.Equal("", SchemaErrors(export));
        Assert.Equal(4, export.GetProperty("first").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Schema_RejectsABareGuidCreatorAndATimeWithoutATimezone()
    {
        // The check must be able to fail on exactly what the API used to serve.
        var (ada, _) = await TagArchiveAsync();
        var served = (await ExportArchive.AnnotationsAsync(ada, _slug))[0].GetRawText();
        var annotation = JsonDocument.Parse(served).RootElement;
        var guid = Guid.NewGuid().ToString();
        var bareCreator = served.Replace(annotation.GetProperty("creator").GetProperty("id").GetString()!, guid, StringComparison.Ordinal);
        var created = annotation.GetProperty("created").GetString()!;
        var localTime = served.Replace(created, created.TrimEnd('Z'), StringComparison.Ordinal);

        Assert.Contains("/creator", SchemaErrors(JsonDocument.Parse(bareCreator).RootElement), StringComparison.Ordinal);
        Assert.Contains("/created", SchemaErrors(JsonDocument.Parse(localTime).RootElement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrivateTags_LeaveOnlyInTheirOwnersExports()
    {
        var (ada, bea) = await TagArchiveAsync();

        async Task<List<string>> NotesAsync(FormsClient client, string query = "")
        {
            var export = await JsonAsync(client, "/export/annotations.jsonld" + query);
            return [.. export.GetProperty("first").GetProperty("items").EnumerateArray()
                .Select(a => a.GetProperty("body").EnumerateArray().Where(b => b.GetProperty("purpose").GetString() == "commenting").Select(b => b.GetProperty("value").GetString()!).SingleOrDefault() ?? "-")];
        }

        var anonymous = await NotesAsync(new FormsClient(Factory));
        Assert.Equal(2, anonymous.Count);
        Assert.DoesNotContain("Ada's own reading", anonymous);
        Assert.DoesNotContain("Bea's draft", await NotesAsync(ada));
        Assert.Equal(["Bea's draft"], await NotesAsync(bea, "?mine=true"));
        Assert.Contains("Bea's draft", await NotesAsync(bea));
        var csv = await new FormsClient(Factory).Http.GetStringAsync("/export/tags.csv", Cancel);
        Assert.DoesNotContain("Bea's draft", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada's own reading", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_OpensAsTextInASpreadsheet_WithAFormulaNoteNeutralised()
    {
        await TagArchiveAsync();
        var response = await new FormsClient(Factory).Http.GetAsync("/export/tags.csv", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("localgovblog-tags.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        // Two public tags, one of them with two themes.
        Assert.Equal(3, rows.Count);
        var note = rows.Select(r => r[header.IndexOf("note")]).Single(n => n.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"x\")", note);
        Assert.Contains(rows, r => r[header.IndexOf("quote")] == "same 🎉 shape: a mayor");
    }

    [Fact]
    public async Task ProjectExport_IsAQdpxZipWhoseProjectNamesEveryTaggerAndSelection()
    {
        var (ada, _) = await TagArchiveAsync();
        var response = await ada.Http.GetAsync("/export/project.qdpx", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)));
        await using var qde = await zip.GetEntry("project.qde")!.OpenAsync(Cancel);
        var project = XDocument.Load(qde).Root!;
        XNamespace ns = "urn:QDA-XML:project:1.0";
        Assert.Equal(ns + "Project", project.Name);
        Assert.Equal(3, project.Descendants(ns + "PlainTextSelection").Count());
        Assert.Equal(["ada"], project.Descendants(ns + "User").Select(u => u.Attribute("name")!.Value));
        Assert.Equal(project.Descendants(ns + "TextSource").Count(), zip.Entries.Count(e => e.FullName.StartsWith("sources/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Codebook_ExportedAndImportedAgain_IsMatchedNotDuplicated_AndANewCodebookIsAddedWithItsHierarchy()
    {
        var ada = await ExportArchive.SignedInAsync(Factory, "ada");
        await ExportArchive.TagAsync(ada, _slug, _text, "deal published so far", ["devolution"]);
        var themesBefore = (await JsonAsync(ada, "/api/themes")).GetArrayLength();
        var qdc = await ada.Http.GetByteArrayAsync("/export/codebook.qdc", Cancel);

        var codes = XDocument.Load(new MemoryStream(qdc)).Descendants(XName.Get("Code", "urn:QDA-XML:codebook:1.0")).Count();
        Assert.InRange(codes, 1, themesBefore);

        var same = await ExportArchive.UploadAsync(ada, "/import/codebook", "localgovblog-codebook.qdc", qdc);
        Assert.Equal(("0", codes.ToString(System.Globalization.CultureInfo.InvariantCulture)), (same["Themes added"], same["Matched to themes already here"]));
        Assert.Equal(themesBefore, (await JsonAsync(ada, "/api/themes")).GetArrayLength());

        var elsewhere = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="utf-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">
              <Codes>
                <Code guid="11111111-1111-1111-1111-111111111111" name="Place leadership" isCodable="true" color="#336699">
                  <Description>Who leads a place</Description>
                  <Code guid="22222222-2222-2222-2222-222222222222" name="Mayors" isCodable="true" color="#993366"/>
                </Code>
                <Code guid="33333333-3333-3333-3333-333333333333" name="DEVOLUTION" isCodable="true"/>
              </Codes>
            </CodeBook>
            """);
        var report = await ExportArchive.UploadAsync(ada, "/import/codebook", "team.qdc", elsewhere);
        Assert.Equal(("2", "1", "1"), (report["Themes added"], report["Matched to themes already here"], report["Put under a broader theme"]));
        var themes = (await JsonAsync(ada, "/api/themes")).EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t);
        Assert.Equal(themesBefore + 2, themes.Count);
        Assert.Equal("#336699", themes["Place leadership"].GetProperty("color").GetString(), ignoreCase: true);
        Assert.Equal("Who leads a place", themes["Place leadership"].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("/export/annotations.jsonld?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/export/tags.csv?from=2026-02-01&to=2025-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/export/tags.csv?mine=true", HttpStatusCode.Unauthorized)]
    [InlineData("/export/project.qdpx?theme=no-such-theme", HttpStatusCode.NotFound)]
    [InlineData("/export/codebook.qdc?author=no-such-author", HttpStatusCode.NotFound)]
    public async Task BadFilter_GetsAProblemSayingWhy(string path, HttpStatusCode status)
    {
        var response = await new FormsClient(Factory).Http.GetAsync(path, Cancel);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("detail").GetString()));
    }
}
