using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Operations;
using LocalGovBlog.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Operations;

/// <summary>
/// <c>copy-store --to</c>: a team that started on SQLite moves to PostgreSQL without losing a tag. A SQLite store with
/// the seed, corpus imports, 1,000 tags and three accounts is copied, and the API answers the same on both.
/// </summary>
public sealed partial class CopyStoreTests : IAsyncLifetime
{
    private readonly ArchiveFactory _sqlite = new(seed: true, postgreSql: false);
    private readonly string _target = PostgreSqlServer.CreateDatabase(migrated: false);
    private ArchiveFactory? _postgres;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        PostgreSqlServer.DropDatabase(_target);
    }

    [Fact]
    public async Task CopyStore_MovesEverything_AndTheApiAnswersTheSameOnBoth()
    {
        foreach (var dump in new[] { "multi-post.txt", "listing-mixed.txt", "month-first-listing.txt", "posted-on-listing.txt" })
        {
            await _sqlite.ImportAsync(RepositoryPaths.TestData(dump));
        }
        var cookies = new CookieContainer();
        var readers = new[] { new FormsClient(_sqlite, cookies), new FormsClient(_sqlite), new FormsClient(_sqlite) };
        for (var i = 0; i < readers.Length; i++)
        {
            await readers[i].RegisterAsync($"mover.{i}");
        }
        await AddTagsAsync(1_000);
        var before = await AnswersAsync(_sqlite);
        var console = new TestConsole().Width(500);

        var exit = await OperatorCommands.RunAsync(_sqlite.Services, ["copy-store", "--to", PostgreSqlServer.ConnectionString(_target)], console);

        Assert.True(exit == OperatorCommands.ExitOk, console.Output);
        _postgres = new ArchiveFactory(seed: true, databasePath: _target, postgreSql: true);
        Assert.Equal(1_000, await _postgres.QueryAsync(db => db.Annotations.CountAsync(Cancel)));
        Assert.Equal(3, await _postgres.QueryAsync(db => db.Users.CountAsync(Cancel)));
        var after = await AnswersAsync(_postgres);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (address, answer) in before)
        {
            Assert.True(answer == after[address], $"{address} answers differently:\nSQLite:     {answer}\nPostgreSQL: {after[address]}");
        }

        // The keys came too: the session cookie made on SQLite is good on PostgreSQL, and passwords still work.
        Assert.Equal("mover.0", (await new FormsClient(_postgres, cookies).MeAsync())!.UserName);
        var signIn = new FormsClient(_postgres);
        await signIn.SignInAsync("mover.2");
        Assert.Equal("mover.2", (await signIn.MeAsync())!.UserName);
        // New rows get new ids after the copied ones.
        var added = await new FormsClient(_postgres, cookies).SendApiAsync(HttpMethod.Post, "/api/themes", json: new { name = "Moved house" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    [Fact]
    public async Task CopyStore_IntoADatabaseThatHoldsArticles_IsRefusedAndChangesNothing()
    {
        await using var occupied = new ArchiveFactory(seed: true, postgreSql: true);
        occupied.EnsureStarted();
        var console = new TestConsole().Width(500);

        var exit = await OperatorCommands.RunAsync(_sqlite.Services, ["copy-store", "--to", occupied.ConnectionString], console);

        Assert.Equal(OperatorCommands.ExitRefused, exit);
        Assert.Contains("only fills an empty one", console.Output, StringComparison.Ordinal);
        Assert.Equal(3, await occupied.QueryAsync(db => db.Articles.CountAsync(Cancel)));
    }

    /// <summary>Tags spread over every article by the three accounts, with notes, themes and some private ones.</summary>
    private async Task AddTagsAsync(int count)
    {
        await _sqlite.QueryAsync(async db =>
        {
            var articles = await db.Articles.Select(a => new { a.Id, a.Text }).ToListAsync(Cancel);
            var owners = await db.Users.Select(u => u.Id).ToListAsync(Cancel);
            var themes = await db.Themes.ToListAsync(Cancel);
            var now = DateTime.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var article = articles[i % articles.Count];
                var start = i * 7 % Math.Max(1, article.Text.Length - 40);
                db.Annotations.Add(new Annotation
                {
                    ArticleId = article.Id,
                    OwnerId = owners[i % owners.Count],
                    Start = start,
                    End = start + 30,
                    Exact = article.Text[start..(start + 30)],
                    Prefix = article.Text[Math.Max(0, start - 10)..start],
                    Suffix = article.Text[(start + 30)..Math.Min(article.Text.Length, start + 40)],
                    Note = i % 3 == 0 ? $"note {i} on quillwort" : null,
                    IsPublic = i % 10 != 0,
                    CreatedAtUtc = now.AddSeconds(-i),
                    UpdatedAtUtc = now,
                    Themes = [themes[i % themes.Count]],
                });
            }
            await db.SaveChangesAsync(Cancel);
            await _sqlite.Services.CreateScope().ServiceProvider.GetRequiredService<IArticleSearch>().IndexAsync(articles.Select(a => a.Id).ToList(), Cancel);
            return 0;
        });
    }

    /// <summary>What the API says about everything in the store, by address, as an anonymous reader sees it.</summary>
    private static async Task<Dictionary<string, string>> AnswersAsync(ArchiveFactory factory)
    {
        var client = factory.CreateClient();
        var answers = new Dictionary<string, string>();
        async Task<JsonElement> GetAsync(string address)
        {
            var text = await client.GetStringAsync(address, Cancel);
            answers[address] = Normalised(text);
            return JsonDocument.Parse(text).RootElement;
        }
        var first = await GetAsync("/api/articles?page=1");
        var total = first.GetProperty("total").GetInt32();
        var slugs = new List<string>();
        for (var page = 1; (page - 1) * 20 < total; page++)
        {
            var list = await GetAsync($"/api/articles?page={page}");
            slugs.AddRange(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
        }
        foreach (var slug in slugs)
        {
            await GetAsync($"/api/articles/{slug}");
            await GetAsync($"/api/articles/{slug}/annotations");
        }
        await GetAsync("/api/authors");
        await GetAsync("/api/themes");
        foreach (var theme in (await client.GetFromJsonAsync<JsonElement>("/api/themes", Cancel)).EnumerateArray().Take(5))
        {
            await GetAsync($"/api/articles?theme={theme.GetProperty("slug").GetString()}");
        }
        // Search: the same articles match; the engines rank and cut snippets each their own way.
        foreach (var words in new[] { "quillwort", "council", "partnerships" })
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/articles?q={words}", Cancel);
            answers[$"/api/articles?q={words} (total)"] = found.GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture);
        }
        return answers;
    }

    /// <summary>Times as instants: SQLite hands back the ticks it stored, PostgreSQL microseconds in UTC ("…Z").</summary>
    private static string Normalised(string json) => Timestamp().Replace(json, match =>
        DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            .ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));

    [GeneratedRegex("\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z?)\"")]
    private static partial Regex Timestamp();
}
