using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Export;

/// <summary>
/// A store holding one dump whose first article has characters outside the Basic Multilingual Plane before and
/// inside the passages tagged (so UTF-16 and code-point offsets differ), and helpers to upload files to the
/// editors' import pages.
/// </summary>
public static class ExportArchive
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The integration tests' multi-post dump with emoji and a CJK extension-B character added to its first article.</summary>
    public static string Dump() => File.ReadAllText(RepositoryPaths.TestData("multi-post.txt"))
        .Replace("Every devolution deal published", "Every 🏛️ devolution 𠀋 deal published", StringComparison.Ordinal)
        .Replace("has the same shape", "has the same 🎉 shape", StringComparison.Ordinal);

    public static async Task<string> ImportDumpAsync(ArchiveFactory factory)
    {
        await factory.ImportAsync(factory.WriteDump("emoji.txt", Dump()));
        var list = await new FormsClient(factory).Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        return list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!)
            .Single(s => s.Contains("devolution", StringComparison.Ordinal));
    }

    public static async Task<FormsClient> SignedInAsync(ArchiveFactory factory, string name)
    {
        var client = new FormsClient(factory);
        var response = await client.RegisterAsync(name);
        Assert.True((int)response.StatusCode < 400, $"registering {name}: {response.StatusCode}");
        return client;
    }

    /// <summary>Uploads a file to an import page as its form does and returns the report table (row heading → value).</summary>
    public static async Task<Dictionary<string, string>> UploadAsync(FormsClient client, string page, string fileName, byte[] bytes)
    {
        var token = await client.FormTokenAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync(page, form, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, html);
        var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
        Assert.True(document.QuerySelector(".import-report") is not null, document.QuerySelector(".form-errors")?.TextContent ?? html);
        return document.QuerySelectorAll(".import-report tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
    }

    /// <summary>Each served annotation as (quote, start, end, themes, note), for comparing two stores.</summary>
    public static List<string> Passages(JsonElement annotations) =>
        [.. annotations.EnumerateArray().Select(a =>
        {
            var selectors = a.GetProperty("target").GetProperty("selector").EnumerateArray().ToList();
            var quote = selectors.Single(s => s.GetProperty("type").GetString() == "TextQuoteSelector").GetProperty("exact").GetString();
            var position = selectors.SingleOrDefault(s => s.GetProperty("type").GetString() == "TextPositionSelector");
            var bodies = a.GetProperty("body").EnumerateArray().ToList();
            var themes = string.Join(",", bodies.Where(b => b.GetProperty("purpose").GetString() == "tagging").Select(b => b.GetProperty("value").GetString()).Order());
            var note = bodies.Where(b => b.GetProperty("purpose").GetString() == "commenting").Select(b => b.GetProperty("value").GetString()).SingleOrDefault();
            var place = position.ValueKind == JsonValueKind.Undefined ? "orphan" : $"{position.GetProperty("start").GetInt32()}-{position.GetProperty("end").GetInt32()}";
            return $"{quote} | {place} | {themes} | {note}";
        }).Order(StringComparer.Ordinal)];

    public static Task<JsonElement> AnnotationsAsync(FormsClient client, string slug) =>
        client.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}/annotations", Cancel);

    /// <summary>Tags words of the article: <see cref="TaggingClient"/> counts code points, so the emoji are allowed for.</summary>
    public static Task<JsonElement> TagAsync(FormsClient client, string slug, string text, string words, string[] themes, string? note = null, bool isPublic = true) =>
        TaggingClient.TagAsync(client, slug, text, words, themes, note, isPublic);
}
