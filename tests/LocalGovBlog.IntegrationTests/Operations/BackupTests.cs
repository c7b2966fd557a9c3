using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;
using LocalGovBlog.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Operations;

/// <summary><c>backup FILE</c> copies a live store while people tag; <c>restore FILE</c> brings the copy back whole.</summary>
public sealed class BackupTests : IAsyncLifetime
{
    private const string Slug = "creating-our-fate-through-our-own-behaviours";
    private const int Writers = 5;

    private readonly ArchiveFactory _live = new ArchiveFactory(seed: true).WithSetting("RateLimits:RegistrationsPerHour", "100");
    private readonly ArchiveFactory _restored = new(seed: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _live.DisposeAsync();
        await _restored.DisposeAsync();
    }

    private sealed record Acknowledged(int Id, string Note, long At);

    [Fact]
    public async Task BackupWhileFiveWritersTag_RestoresEveryTagAcknowledgedBeforeItBegan_AndNothingUnacknowledged()
    {
        var writers = new List<FormsClient>();
        for (var i = 0; i < Writers; i++)
        {
            var writer = new FormsClient(_live);
            await writer.RegisterAsync($"writer.{i}");
            writers.Add(writer);
        }
        var text = await TaggingClient.TextAsync(writers[0], Slug);
        var acknowledged = new ConcurrentBag<Acknowledged>();
        using var stop = new CancellationTokenSource();
        var tagging = writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var note = $"writer{w}note{n}";
                var saved = await TaggingClient.TagAsync(writer, Slug, text, "partnership working", ["devolution"], note);
                acknowledged.Add(new Acknowledged(IdOf(saved), note, Stopwatch.GetTimestamp()));
            }
        }, Cancel)).ToList();
        await WaitUntilAsync(() => acknowledged.Count >= 3 * Writers);

        var backupFile = Path.Combine(_live.Folder, "backup.db");
        var console = new TestConsole().Width(500);
        var began = Stopwatch.GetTimestamp();
        var exit = await OperatorCommands.RunAsync(_live.Services, ["backup", backupFile], console);
        var countAtEnd = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= countAtEnd + 2 * Writers); // the writers carried on meanwhile
        await stop.CancelAsync();
        await Task.WhenAll(tagging);

        Assert.Equal(OperatorCommands.ExitOk, exit);
        Assert.Contains("Backed up", console.Output, StringComparison.Ordinal);
        Assert.Equal("wal", Pragma(backupFile, "journal_mode"));
        Assert.Equal("ok", Pragma(backupFile, "integrity_check"));

        var restore = await OperatorCommands.RunAsync(_restored.Services, ["restore", backupFile], new TestConsole().Width(500));
        Assert.Equal(OperatorCommands.ExitOk, restore);
        var restored = await _restored.QueryAsync(db => db.Annotations.AsNoTracking().Select(a => new { a.Id, a.Note }).ToListAsync(Cancel));

        // The copy is one moment between the backup's start and end. It holds every tag acknowledged before
        // the backup began; every tag it holds was acknowledged, with the note its writer sent; and it has no
        // gaps: writes commit one at a time in id order, so it holds exactly the acknowledged tags up to its last.
        var byId = acknowledged.ToDictionary(a => a.Id);
        var restoredIds = restored.Select(r => r.Id).ToHashSet();
        Assert.Subset(restoredIds, acknowledged.Where(a => a.At < began).Select(a => a.Id).ToHashSet());
        Assert.All(restored, r => Assert.Equal(byId[r.Id].Note, r.Note));
        Assert.Equal(byId.Keys.Where(id => id <= restoredIds.Max()).Order(), restoredIds.Order());
        Assert.True(acknowledged.Count > restored.Count, "writers went on tagging after the backup");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Count(a => a.At < began)} tags acknowledged before the backup began, {restored.Count} restored, {acknowledged.Count} written in all");
        // The restored store serves the copy: search finds a note that was in it.
        var found = await new FormsClient(_restored).Http.GetStringAsync($"/api/articles?q={restored[0].Note}", Cancel);
        Assert.Contains(Slug, found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_RefusesToOverwriteAFile_AndRestoreRefusesAFileThatIsNotAStore()
    {
        var existing = _live.WriteDump("existing.db", "keep me");
        var console = new TestConsole().Width(500);

        Assert.Equal(OperatorCommands.ExitRefused, await OperatorCommands.RunAsync(_live.Services, ["backup", existing], console));
        Assert.Contains("already exists", console.Output, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing, Cancel));

        var notAStore = _live.WriteDump("notes.txt", "not a database at all, just words".PadRight(2048, '.'));
        console = new TestConsole().Width(500);
        Assert.Equal(OperatorCommands.ExitRefused, await OperatorCommands.RunAsync(_restored.Services, ["restore", notAStore], console));
        Assert.Contains("Nothing restored", console.Output, StringComparison.Ordinal);
        Assert.Contains("not a readable SQLite database", console.Output, StringComparison.Ordinal);
        Assert.Equal(3, await _restored.QueryAsync(db => db.Articles.CountAsync(Cancel)));
    }

    private static int IdOf(JsonElement tag) =>
        int.Parse(tag.GetProperty("id").GetString()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "the writers stopped making progress");
            await Task.Delay(20, Cancel);
        }
    }

    private static string Pragma(string file, string pragma)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (string)command.ExecuteScalar()!;
    }
}
