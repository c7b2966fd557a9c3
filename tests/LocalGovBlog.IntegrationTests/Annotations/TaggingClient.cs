using System.Net.Http.Json;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Builds W3C annotation bodies and posts them as the page script does.</summary>
public static class TaggingClient
{
    public static object Body(int start, int end, string exact, string[] themes, string? note = null, bool isPublic = true)
    {
        var body = themes.Select(t => (object)new { type = "TextualBody", purpose = "tagging", value = t }).ToList();
        if (note is not null)
        {
            body.Add(new { type = "TextualBody", purpose = "commenting", value = note, format = "text/markdown" });
        }
        return new Dictionary<string, object>
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = body,
            ["target"] = new
            {
                selector = new object[]
                {
                    new { type = "TextQuoteSelector", exact },
                    new { type = "TextPositionSelector", start, end },
                },
            },
            ["public"] = isPublic,
        };
    }

    /// <summary>Tags the first occurrence of <paramref name="words"/> in the article (ASCII text: code points = UTF-16).</summary>
    public static async Task<JsonElement> TagAsync(FormsClient client, string slug, string text, string words, string[] themes, string? note = null, bool isPublic = true)
    {
        var start = text.IndexOf(words, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"'{words}' is not in {slug}");
        }
        var startCp = char.IsSurrogate(text[0]) ? throw new InvalidOperationException() : CodePoints(text, start);
        var response = await client.SendApiAsync(HttpMethod.Post, $"/api/articles/{slug}/annotations",
            json: Body(startCp, startCp + CodePoints(words, words.Length), words, themes, note, isPublic));
        var content = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, content);
        return JsonDocument.Parse(content).RootElement.Clone();
    }

    /// <summary>The first article the API lists: its slug and its text.</summary>
    public static async Task<(string Slug, string Text)> FirstArticleAsync(FormsClient client)
    {
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", TestContext.Current.CancellationToken);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        return (slug, await TextAsync(client, slug));
    }

    public static async Task<string> TextAsync(FormsClient client, string slug)
    {
        var article = await client.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}", TestContext.Current.CancellationToken);
        return article.GetProperty("text").GetString()!;
    }

    public static int CodePoints(string text, int utf16) => text[..utf16].EnumerateRunes().Count();
}
