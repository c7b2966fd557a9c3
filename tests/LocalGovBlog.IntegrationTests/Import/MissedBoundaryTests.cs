using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>
/// A post whose byline nobody could read is swallowed by the post above it. The importer cannot always know,
/// but it must say so: a warning with the line, on the command line and the upload page, and a refusal
/// under --strict. Clean dumps draw no warning.
/// </summary>
public sealed class MissedBoundaryTests() : ArchiveTest(seed: false)
{
    private const string Byline = "\nTom Okafor\n\nImage credit";
    private const string Unreadable = "\ntom okafor (@tokafor) | Anytown\n\nImage credit";

    private async Task<string> DumpWithAnUnreadableBylineAsync()
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.TestData("listing-mixed.txt"), Cancel);
        Assert.Contains(Byline, text, StringComparison.Ordinal);
        return Factory.WriteDump("unreadable.txt", text.Replace(Byline, Unreadable, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WarnsOfAPossibleMissedPostBoundaryAtTheSwallowedTitle()
    {
        var path = await DumpWithAnUnreadableBylineAsync();

        var report = await Factory.ImportAsync(path);

        Assert.Equal(29, report.Added); // one post swallowed…
        var warning = Assert.Single(report.Diagnostics, d => d.Kind == DiagnosticKind.Warning);
        Assert.Equal("Social value in procurement: promise and practice", warning.Text); // …and named
        Assert.Equal(SampleLine(await File.ReadAllTextAsync(path, Cancel), warning.Text), warning.Line);
    }

    [Theory]
    [InlineData("listing-mixed.txt")]
    [InlineData("posted-on-listing.txt")]
    [InlineData("month-first-listing.txt")]
    [InlineData("multi-post.txt")]
    public async Task Import_GivesNoWarningOnACleanDump(string dump)
    {
        var report = await Factory.ImportAsync(RepositoryPaths.TestData(dump));

        Assert.Equal(0, report.WarningCount);
    }

    [Fact]
    public async Task Import_GivesNoWarningOnTheSeed() =>
        Assert.Equal(0, (await Factory.ImportAsync(RepositoryPaths.SeedDump)).WarningCount);

    [Fact]
    public async Task StrictImport_RefusesADumpWithAWarningAndWritesNothing()
    {
        var path = await DumpWithAnUnreadableBylineAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();

        var refusal = await Assert.ThrowsAsync<ImportRejectedException>(() => importer.ImportFileAsync(path, new ImportOptions { Strict = true }, cancellationToken: Cancel));

        Assert.Contains("possible missed post boundary", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.QueryAsync(db => db.Articles.CountAsync(Cancel)));
    }

    [Fact]
    public async Task StrictImport_TakesACleanDump()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();

        var report = await importer.ImportFileAsync(RepositoryPaths.TestData("listing-mixed.txt"), new ImportOptions { Strict = true }, cancellationToken: Cancel);

        Assert.Equal(30, report.Added);
    }

    [Fact]
    public async Task UploadPage_ShowsTheWarningTheShapeAndTheNotes()
    {
        var editor = new FormsClient(Factory);
        await editor.RegisterAsync("uploader"); // the first account is an admin
        var token = await editor.FormTokenAsync("/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(await DumpWithAnUnreadableBylineAsync(), Cancel));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Dump", "unreadable.txt");

        var response = await editor.Http.PostAsync("/import", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel), Cancel);
        var warning = Assert.Single(document.QuerySelectorAll(".report-lines--warnings li"));
        Assert.Contains("possible missed post boundary", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, document.QuerySelectorAll(".report-lines--notes li").Length);
        Assert.Contains("Posts open with", document.QuerySelector(".import-shape")!.TextContent, StringComparison.Ordinal);
    }

    private static int SampleLine(string dump, string text) =>
        dump.Split('\n').Select((line, index) => (line, index)).First(pair => pair.line.Trim() == text).index + 1;
}
