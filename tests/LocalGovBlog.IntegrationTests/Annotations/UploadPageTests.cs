using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

public sealed class UploadPageTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new(seed: false);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> UploadAsync(FormsClient client, string fileName, byte[] bytes)
    {
        var token = await client.FormTokenAsync("/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Dump", fileName);
        return await client.Http.PostAsync("/import", form, Cancel);
    }

    [Fact]
    public async Task Editor_UploadsADump_AndReadsTheReport()
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("uploader"); // the first account is an admin
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);

        var response = await UploadAsync(editor, "multi-post.txt", bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
        var rows = document.QuerySelectorAll(".import-report tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.NotEqual("0", rows["Added"]);
        Assert.Equal("0", rows["Tags orphaned"]);
        Assert.Contains("multi-post.txt", document.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportOfAReimport_ListsEachTagThatMoved_SayingWhetherItsWordsChanged()
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("uploader");
        var original = await File.ReadAllTextAsync(RepositoryPaths.TestData("multi-post.txt"), Cancel);
        await UploadAsync(editor, "v1.txt", System.Text.Encoding.UTF8.GetBytes(original));
        const string Slug = "what-the-devolution-deals-leave-out";
        var text = await TaggingClient.TextAsync(editor, Slug);
        await TaggingClient.TagAsync(editor, Slug, text, "What is missing is any serious account of scrutiny.", ["devolution"]);
        await TaggingClient.TagAsync(editor, Slug, text, "a duty on the mayor to respond in writing", ["devolution"]);
        await TaggingClient.TagAsync(editor, Slug, text, "Without these the deals concentrate power", ["devolution"]);
        var edited = original
            .Replace("any serious account of scrutiny", "any account of scrutiny", StringComparison.Ordinal)
            .Replace("• a duty on the mayor to respond in writing\n", "", StringComparison.Ordinal);

        var response = await UploadAsync(editor, "v2.txt", System.Text.Encoding.UTF8.GetBytes(edited));

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
        var rows = document.QuerySelectorAll(".import-report tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);
        Assert.Equal(("1", "1", "1"), (rows["Tags moved, same words"], rows["Tags moved, words changed"], rows["Tags orphaned"]));
        var listed = document.QuerySelectorAll(".report-lines--tags li").ToDictionary(li => li.GetAttribute("data-outcome")!, li => li.TextContent);
        Assert.Contains("moved, words changed", listed["edited"], StringComparison.Ordinal);
        Assert.Contains("What is missing is any account of scrutiny.", listed["edited"], StringComparison.Ordinal);
        Assert.Contains("moved, same words", listed["moved"], StringComparison.Ordinal);
        Assert.Contains("a duty on the mayor to respond in writing", listed["orphaned"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OfABinaryFile_SaysWhyAndImportsNothing()
    {
        var editor = new FormsClient(_factory);
        await editor.RegisterAsync("uploader");
        var response = await UploadAsync(editor, "image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0, 1, 2, 3]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("form-errors", html, StringComparison.Ordinal);
        Assert.DoesNotContain("import-report", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_CannotOpenTheUploadPage()
    {
        var admin = new FormsClient(_factory);
        await admin.RegisterAsync("the-admin");
        var reader = new FormsClient(_factory);
        await reader.RegisterAsync("a-reader");
        Assert.NotEqual(HttpStatusCode.OK, (await reader.Http.GetAsync("/import", Cancel)).StatusCode);
    }
}
