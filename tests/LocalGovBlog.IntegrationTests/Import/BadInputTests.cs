using System.Text;
using LocalGovBlog.Web.Import;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Import;

/// <summary>Bad dumps get one clear message and a non-zero exit, and the store stays exactly as it was.</summary>
public sealed class BadInputTests : ArchiveTest
{
    public static TheoryData<string, byte[], string> BadDumps => new()
    {
        { "empty.txt", [], "is empty" },
        { "blank.txt", Encoding.UTF8.GetBytes("\n\n   \n\u00A0\n"), "is empty" },
        { "latin1.txt", [.. Encoding.UTF8.GetBytes("Councils and the caf"), 0xE9, .. "\n\nJane Doe\n\nText."u8.ToArray()], "is not valid UTF-8" },
        { "binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "not valid UTF-8" },
        { "nul.txt", [.. "Title\n\nJane Doe\n\n"u8.ToArray(), 0x00, 0x01, 0x02], "binary file" },
        { "utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Title\n\nJane Doe\n")], "UTF-16" },
        { "prose.txt", Encoding.UTF8.GetBytes("This is a shopping list, not a blog.\nMilk, eggs and bread.\n"), "no recognisable post" },
    };

    [Theory]
    [MemberData(nameof(BadDumps))]
    public async Task BadDump_IsRefusedWithAClearMessageAndTheStoreUntouched(string name, byte[] bytes, string expected)
    {
        var path = Factory.WriteDump(name, bytes);
        var before = await SnapshotAsync();

        var error = await Assert.ThrowsAsync<ImportRejectedException>(() => Factory.ImportAsync(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ImportCommand_MissingFileExitsNonZeroSayingWhy()
    {
        var console = new TestConsole();

        var exit = await ImportCommand.RunAsync(Factory.Services, ["import", "/nonexistent/dump.txt"], console);

        Assert.Equal(ImportCommand.ExitRejected, exit);
        Assert.Contains("No file at '/nonexistent/dump.txt'", console.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCommand_NotUtf8ExitsNonZeroAndWritesNothing()
    {
        var path = Factory.WriteDump("latin1.txt", [.. Encoding.UTF8.GetBytes("Caf"), 0xE9, (byte)'\n']);
        var before = await SnapshotAsync();
        var console = new TestConsole();

        var exit = await ImportCommand.RunAsync(Factory.Services, ["import", path], console);

        Assert.Equal(ImportCommand.ExitRejected, exit);
        Assert.Contains("not valid UTF-8", console.Output, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ImportCommand_PrintsTheReportWithDiagnosticsAndLineNumbers()
    {
        var path = Factory.WriteDump("with-preamble.txt",
            "Exported from the blog on Monday\n\nA new post on combined authorities\n\nJane Doe\n\nThe first paragraph of the post.\n");
        var console = new TestConsole();
        console.Profile.Width = 200;

        var exit = await ImportCommand.RunAsync(Factory.Services, ["import", path], console);

        Assert.Equal(ImportCommand.ExitOk, exit);
        Assert.Matches(@"added\s+│\s+1", console.Output);
        Assert.Contains("line 1:", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCommand_DryRunSaysNothingWasWritten()
    {
        var path = Factory.WriteDump("new.txt", "A new post on combined authorities\n\nJane Doe\n\nThe first paragraph of the post.\n");
        var console = new TestConsole();

        var exit = await ImportCommand.RunAsync(Factory.Services, ["import", path, "--dry-run"], console);

        Assert.Equal(ImportCommand.ExitOk, exit);
        Assert.Contains("Dry run", console.Output, StringComparison.Ordinal);
        Assert.Equal(3, await Factory.QueryAsync(db => db.Articles.CountAsync()));
    }

    private Task<string> SnapshotAsync() =>
        Factory.QueryAsync(async db => string.Join("|",
            await db.Articles.CountAsync(),
            await db.ArticleBlocks.CountAsync(),
            await db.Authors.CountAsync(),
            string.Join(",", await db.Articles.OrderBy(a => a.Id).Select(a => a.ContentHash).ToListAsync())));
}
