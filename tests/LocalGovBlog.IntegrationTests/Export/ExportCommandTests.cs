using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using LocalGovBlog.Web.Export;
using LocalGovBlog.Web.Import;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Export;

/// <summary><c>export w3c|csv|qdpx|qdc FILE</c>: the same files as the web exports, from the command line.</summary>
public sealed class ExportCommandTests : ArchiveTest
{
    private readonly string _folder;

    public ExportCommandTests() : base(seed: false)
    {
        // Inside the store's own temp folder, so it goes when the test's app does.
        _folder = Directory.CreateDirectory(Path.Combine(Factory.Folder, "exports")).FullName;
    }

    private async Task<string> TagAsync()
    {
        var slug = await ExportArchive.ImportDumpAsync(Factory);
        var ada = await ExportArchive.SignedInAsync(Factory, "ada");
        var text = await TaggingClient.TextAsync(ada, slug);
        await ExportArchive.TagAsync(ada, slug, text, "deal published so far", ["devolution"], "public note");
        await ExportArchive.TagAsync(ada, slug, text, "list of powers", ["leadership"], "private note", isPublic: false);
        return slug;
    }

    [Theory]
    [InlineData("w3c", "1 annotations")]
    [InlineData("csv", "1 rows")]
    [InlineData("qdpx", "1 selections")]
    [InlineData("qdc", "10 codes")] // unfiltered, the codebook is whole
    public async Task Export_WritesTheFileWithThePublicTags_AndSaysWhatItWrote(string format, string said)
    {
        await TagAsync();
        var path = Path.Combine(_folder, $"out.{format}");
        var console = new TestConsole();

        var exit = await ExportCommand.RunAsync(Factory.Services, ["export", format, path], console);

        Assert.Equal(ImportCommand.ExitOk, exit);
        Assert.Contains(said, console.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 0);
        Assert.Single(Directory.GetFiles(_folder)); // no partial file left beside it
    }

    [Fact]
    public async Task Export_AsAUser_HoldsTheirPrivateTagsToo_AndMatchesTheWebExport()
    {
        await TagAsync();
        var path = Path.Combine(_folder, "ada.jsonld");

        var exit = await ExportCommand.RunAsync(Factory.Services, ["export", "w3c", path, "--user", "ada", "--mine"], new TestConsole());

        Assert.Equal(ImportCommand.ExitOk, exit);
        var file = JsonDocument.Parse(await File.ReadAllBytesAsync(path, Cancel)).RootElement;
        Assert.Equal(2, file.GetProperty("total").GetInt32());
        var ada = new FormsClient(Factory);
        await ada.SignInAsync("ada");
        var web = JsonDocument.Parse(await ada.Http.GetByteArrayAsync("/export/annotations.jsonld?mine=true", Cancel)).RootElement;
        Assert.Equal(ExportArchive.Passages(web.GetProperty("first").GetProperty("items")), ExportArchive.Passages(file.GetProperty("first").GetProperty("items")));
    }

    [Theory]
    [InlineData("--mine", "--mine needs --user")]
    [InlineData("--user=nobody", "no account is called 'nobody'")]
    [InlineData("--theme=no-such-theme", "no theme 'no-such-theme'")]
    [InlineData("--from=31/01/2026", "yyyy-mm-dd")]
    public async Task Export_RefusedWithAReason_ExitsNonZeroAndWritesNoFile(string option, string reason)
    {
        await TagAsync();
        var console = new TestConsole();

        var exit = await ExportCommand.RunAsync(Factory.Services, ["export", "csv", Path.Combine(_folder, "x.csv"), option], console);

        Assert.Equal(ImportCommand.ExitRejected, exit);
        Assert.Contains(reason, console.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void HostSettings_AreKeptApartFromTheCommandsOwnOptions()
    {
        string[] args = ["--ConnectionStrings:Default=Data Source=x.db", "export", "csv", "/tmp/a b.csv", "--theme", "devolution", "--Site:PublicBaseAddress", "https://example.org"];

        Assert.True(ExportCommand.IsInvoked(args));
        Assert.Equal(["--ConnectionStrings:Default=Data Source=x.db", "--Site:PublicBaseAddress", "https://example.org"], ExportCommand.HostSettings(args));
        Assert.False(ExportCommand.IsInvoked(["import", "dump.txt"]));
    }
}
