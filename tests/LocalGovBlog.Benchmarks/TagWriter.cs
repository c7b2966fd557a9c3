using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// A reader tagging all day, for timing the analysis while the coding changes: registers an account on a running
/// instance of the app (loopback only), then once every <c>interval</c> writes a tag through the API, as the article
/// page does: three writes in five make a tag on a passage of one of the first listed articles, one changes the
/// themes and visibility of the last tag made, one deletes the oldest. Runs for <c>seconds</c> and prints each write.
/// </summary>
internal static partial class TagWriter
{
    public static async Task RunAsync(Uri root, int seconds, TimeSpan interval)
    {
        if (!root.IsLoopback)
        {
            throw new ArgumentException("Only an instance on this machine (127.0.0.1 or localhost) is written to.", nameof(root));
        }
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var user = $"tagwriter{Random.Shared.Next(100_000, 999_999)}";
        const string Password = "correct horse staple battery";
        var registered = await http.PostAsync(new Uri("/account/register", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = user,
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
            ["__RequestVerificationToken"] = FormToken(await http.GetStringAsync(new Uri("/account/register", UriKind.Relative))),
        }));
        if (registered.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Registering {user} answered {(int)registered.StatusCode}");
        }
        var themes = (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/themes", UriKind.Relative)))
            .EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).Take(6).ToArray();
        var slugs = (await http.GetFromJsonAsync<JsonElement>(new Uri("/api/articles", UriKind.Relative)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToArray();
        var texts = new Dictionary<string, string[]>();
        var made = new List<(string Address, string Slug)>();
        var random = new Random(15);
        var clock = Stopwatch.StartNew();
        var failures = 0;
        for (var write = 0; clock.Elapsed.TotalSeconds < seconds; write++)
        {
            var due = interval * (write + 1);
            var theme = new[] { themes[random.Next(themes.Length)] };
            var started = Stopwatch.StartNew();
            string what;
            HttpResponseMessage response;
            if (write % 5 == 3 && made.Count > 0)
            {
                what = "change";
                var (_, body) = await PassageAsync(http, texts, [made[^1].Slug], random, theme, isPublic: random.Next(2) == 0);
                response = await SendAsync(http, HttpMethod.Put, made[^1].Address, body);
            }
            else if (write % 5 == 4 && made.Count > 1)
            {
                what = "delete";
                response = await SendAsync(http, HttpMethod.Delete, made[0].Address, null);
                made.RemoveAt(0);
            }
            else
            {
                what = "create";
                var (slug, body) = await PassageAsync(http, texts, slugs, random, theme, isPublic: true);
                response = await SendAsync(http, HttpMethod.Post, $"/api/articles/{slug}/annotations", body);
                if (response.IsSuccessStatusCode)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    made.Add((new Uri(id).AbsolutePath, slug));
                }
            }
            failures += response.IsSuccessStatusCode ? 0 : 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds,7:0.0} s  {what,-6} {(int)response.StatusCode}  {started.Elapsed.TotalMilliseconds,7:0} ms"));
            response.Dispose();
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
        }
        Console.WriteLine($"{failures} failed writes");
    }

    /// <summary>A tag on 30 characters somewhere in the opening of one of the articles (offsets in code points, as the API takes them).</summary>
    private static async Task<(string Slug, object Body)> PassageAsync(HttpClient http, Dictionary<string, string[]> texts, string[] slugs, Random random, string[] themes, bool isPublic)
    {
        var slug = slugs[random.Next(slugs.Length)];
        if (!texts.TryGetValue(slug, out var runes))
        {
            var article = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/articles/{slug}", UriKind.Relative));
            runes = [.. article.GetProperty("text").GetString()!.EnumerateRunes().Select(r => r.ToString())];
            texts[slug] = runes;
        }
        var start = random.Next(Math.Max(1, Math.Min(400, runes.Length - 30)));
        var end = Math.Min(runes.Length, start + 30);
        var body = new Dictionary<string, object>
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = themes.Select(t => new { type = "TextualBody", purpose = "tagging", value = t }).ToArray(),
            ["target"] = new
            {
                selector = new object[]
                {
                    new { type = "TextQuoteSelector", exact = string.Concat(runes[start..end]) },
                    new { type = "TextPositionSelector", start, end },
                },
            },
            ["public"] = isPublic,
        };
        return (slug, body);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, object? json)
    {
        var token = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/antiforgery", UriKind.Relative));
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        return await http.SendAsync(request);
    }

    private static string FormToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The form has no antiforgery token");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
