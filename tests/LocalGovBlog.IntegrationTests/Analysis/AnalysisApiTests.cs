using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Analysis;

/// <summary>
/// Two readers tag a known set of passages in two seeded articles; every cell of the matrices and the agreement
/// figures come back through the API as counted by hand from those tags, and privacy holds.
/// </summary>
public sealed class AnalysisApiTests : ArchiveTest
{
    private sealed record Seeded(string Slug, string Text, IReadOnlyList<string> Authors);

    private Seeded _x = null!;
    private Seeded _y = null!;
    private FormsClient _ann = null!;
    private FormsClient _bob = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var anonymous = new FormsClient(Factory);
        var list = await anonymous.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var items = list.GetProperty("items").EnumerateArray().Select(i => new
        {
            Slug = i.GetProperty("slug").GetString()!,
            Authors = i.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).ToList(),
        }).ToList();
        // Two articles with no author in common, so each author column belongs to one of them.
        var x = items[0];
        var y = items.First(i => !i.Authors.Intersect(x.Authors).Any());
        _x = new Seeded(x.Slug, await TaggingClient.TextAsync(anonymous, x.Slug), x.Authors);
        _y = new Seeded(y.Slug, await TaggingClient.TextAsync(anonymous, y.Slug), y.Authors);
        _ann = new FormsClient(Factory);
        await _ann.RegisterAsync("ann");
        _bob = new FormsClient(Factory);
        await _bob.RegisterAsync("bob");

        // X: ann 0–40 devolution, bob 20–60 devolution, ann 100–150 devolution + austerity.
        // Y: bob 0–30 austerity (public), bob 40–80 devolution (private).
        await TagAsync(_ann, _x, 0, 40, ["devolution"]);
        await TagAsync(_bob, _x, 20, 60, ["devolution"]);
        await TagAsync(_ann, _x, 100, 150, ["devolution", "austerity"]);
        await TagAsync(_bob, _y, 0, 30, ["austerity"]);
        await TagAsync(_bob, _y, 40, 80, ["devolution"], isPublic: false);
    }

    private static async Task TagAsync(FormsClient client, Seeded article, int start, int end, string[] themes, bool isPublic = true)
    {
        var response = await client.SendApiAsync(HttpMethod.Post, $"/api/articles/{article.Slug}/annotations",
            json: TaggingClient.Body(TaggingClient.CodePoints(article.Text, start), TaggingClient.CodePoints(article.Text, end), article.Text[start..end], themes, isPublic: isPublic));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<JsonElement> GetAsync(FormsClient client, string path)
    {
        var response = await client.Http.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Dictionary<(string, string), (int Passages, int Articles)> Cells(JsonElement matrix) =>
        matrix.GetProperty("cells").EnumerateArray().ToDictionary(
            c => (c.GetProperty("row").GetString()!, c.GetProperty("column").GetString()!),
            c => (c.GetProperty("passages").GetInt32(), c.GetProperty("articles").GetInt32()));

    [Fact]
    public async Task ThemesByAuthor_EveryCellIsTheHandCount()
    {
        var matrix = await GetAsync(new FormsClient(Factory), "/api/analysis/matrix?rows=themes&cols=authors");

        Assert.Equal("themes", matrix.GetProperty("rows").GetString());
        Assert.Equal("authors", matrix.GetProperty("columns").GetString());
        var themes = matrix.GetProperty("rowItems").EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToList();
        var authors = matrix.GetProperty("columnItems").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).ToList();
        Assert.Equal(_x.Authors.Concat(_y.Authors).Order(), authors.Order());
        var expected = new Dictionary<(string, string), (int, int)>();
        foreach (var author in _x.Authors)
        {
            expected[("devolution", author)] = (3, 1);
            expected[("austerity", author)] = (1, 1);
        }
        foreach (var author in _y.Authors)
        {
            // Bob's devolution tag on Y is private: not everyone's.
            expected[("austerity", author)] = (1, 1);
        }
        var cells = Cells(matrix);
        Assert.Equal(themes.Count * authors.Count, cells.Count);
        foreach (var theme in themes)
        {
            foreach (var author in authors)
            {
                Assert.Equal(expected.GetValueOrDefault((theme, author)), cells[(theme, author)]);
            }
        }
        // The same numbers with rows and columns swapped.
        var swapped = Cells(await GetAsync(new FormsClient(Factory), "/api/analysis/matrix?rows=authors&cols=themes"));
        Assert.Equal(cells.ToDictionary(c => (c.Key.Item2, c.Key.Item1), c => c.Value), swapped);
    }

    [Fact]
    public async Task MyTags_IncludeMyPrivateTag_AndOnlyMine()
    {
        var cells = Cells(await GetAsync(_bob, "/api/analysis/matrix?rows=themes&cols=authors&taggers=mine"));

        Assert.Equal((1, 1), cells[("devolution", _y.Authors[0])]);
        Assert.Equal((1, 1), cells[("devolution", _x.Authors[0])]);
        Assert.Equal((1, 1), cells[("austerity", _y.Authors[0])]);
        Assert.Equal((0, 0), cells[("austerity", _x.Authors[0])]);
    }

    [Theory]
    [InlineData("passage", 1, 3, 2)]
    [InlineData("overlap", 1, 3, 2)]
    [InlineData("article", 1, 1, 2)]
    public async Task CoOccurrence_CountsThemesTogetherInEachMode(string mode, int together, int devolution, int austerity)
    {
        var matrix = await GetAsync(new FormsClient(Factory), $"/api/analysis/cooccurrence?mode={mode}");

        Assert.Equal(mode, matrix.GetProperty("mode").GetString());
        var cells = matrix.GetProperty("cells").EnumerateArray().ToDictionary(
            c => (c.GetProperty("row").GetString()!, c.GetProperty("column").GetString()!), c => c.GetProperty("count").GetInt32());
        Assert.Equal(together, cells[("devolution", "austerity")]);
        Assert.Equal(together, cells[("austerity", "devolution")]);
        Assert.Equal(devolution, cells[("devolution", "devolution")]);
        Assert.Equal(austerity, cells[("austerity", "austerity")]);
        Assert.Equal(together + devolution + austerity + together, cells.Values.Sum());
    }

    [Fact]
    public async Task Agreement_IsCountedOverCharactersOfTheComparedArticles()
    {
        var result = await GetAsync(new FormsClient(Factory), "/api/analysis/agreement?a=ann&b=bob&theme=devolution&theme=austerity");

        long characters = _x.Text.Length + _y.Text.Length;
        Assert.Equal(["a", "b", "articles", "characters", "themes", "disagreements"], result.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, result.GetProperty("articles").GetInt32());
        Assert.Equal(characters, result.GetProperty("characters").GetInt64());
        var themes = result.GetProperty("themes").EnumerateArray().ToDictionary(t => t.GetProperty("slug").GetString()!);
        // Devolution: ann 0–40 and 100–150 (90 characters), bob 20–60 (40; his private tag on Y is not seen): both 20.
        CheckFigures(themes["devolution"], characters, both: 20, onlyA: 70, onlyB: 20);
        // Austerity: ann 100–150 of X, bob 0–30 of Y: no character in common.
        CheckFigures(themes["austerity"], characters, both: 0, onlyA: 50, onlyB: 30);

        // Bob sees his own private tag, so for him the comparison counts it.
        var asBob = await GetAsync(_bob, "/api/analysis/agreement?a=ann&b=bob&theme=devolution");
        CheckFigures(asBob.GetProperty("themes")[0], characters, both: 20, onlyA: 70, onlyB: 60);
    }

    private static void CheckFigures(JsonElement theme, long characters, long both, long onlyA, long onlyB)
    {
        Assert.Equal((characters, both, onlyA, onlyB, characters - both - onlyA - onlyB),
            (theme.GetProperty("characters").GetInt64(), theme.GetProperty("both").GetInt64(), theme.GetProperty("onlyA").GetInt64(),
             theme.GetProperty("onlyB").GetInt64(), theme.GetProperty("neither").GetInt64()));
        double n = characters, po = (n - onlyA - onlyB) / n, pa = (both + onlyA) / n, pb = (both + onlyB) / n;
        var pe = pa * pb + (1 - pa) * (1 - pb);
        Assert.Equal(Math.Round(100 * po, 4), theme.GetProperty("agreement").GetDouble(), 4);
        Assert.Equal(Math.Round((po - pe) / (1 - pe), 4), theme.GetProperty("kappa").GetDouble(), 4);
    }

    [Theory]
    [InlineData("/api/analysis/matrix?rows=themes&cols=colours", "cols")]
    [InlineData("/api/analysis/matrix?theme=no-such-theme", "theme")]
    [InlineData("/api/analysis/cooccurrence?mode=sideways", "mode")]
    [InlineData("/api/analysis/matrix?from=last-tuesday", "from")]
    [InlineData("/api/analysis/agreement?a=nobody", "a")]
    [InlineData("/api/analysis/agreement?a=ann&b=ann", "b")]
    public async Task BadParameters_AreProblemsNamingTheParameter(string path, string parameter)
    {
        var response = await new FormsClient(Factory).Http.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task MyTags_NeedASignedInReader()
    {
        var response = await new FormsClient(Factory).Http.GetAsync("/api/analysis/matrix?taggers=mine", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
