using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Without script, a reader tags a whole paragraph with a plain form and deletes their tag with another.</summary>
public sealed class ParagraphFormTests : IAsyncLifetime
{
    private readonly ArchiveFactory _factory = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task PlainForm_TagsTheWholeParagraph_ThenTheOwnerDeletesIt()
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync("noscript");
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var article = await client.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}", Cancel);
        var text = article.GetProperty("text").GetString()!;
        var second = article.GetProperty("blocks")[1];
        var paragraph = text[second.GetProperty("start").GetInt32()..second.GetProperty("end").GetInt32()];

        var posted = await client.PostFormAsync($"/articles/{slug}", new Dictionary<string, string>
        {
            ["Form.Block"] = "1",
            ["Form.Themes"] = "housing",
            ["Form.Note"] = "whole paragraph",
            ["Form.IsPublic"] = "true",
        }, action: $"/articles/{slug}?handler=Tag");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var html = await client.Http.GetStringAsync($"/articles/{slug}", Cancel);
        var document = await new HtmlParser().ParseDocumentAsync(html, Cancel);
        var marks = document.QuerySelectorAll("#article-text mark.hl--t-housing");
        Assert.Equal(paragraph, string.Concat(marks.Select(m => m.TextContent)));
        var deleteForm = document.QuerySelector(".tag-card__delete");
        Assert.NotNull(deleteForm);

        var deleted = await client.PostFormAsync($"/articles/{slug}", new Dictionary<string, string>(), action: deleteForm.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = await client.Http.GetStringAsync($"/articles/{slug}", Cancel);
        Assert.Empty((await new HtmlParser().ParseDocumentAsync(after, Cancel)).QuerySelectorAll("#article-text mark"));
    }

    [Fact]
    public async Task PlainForm_WithoutATheme_ShowsTheErrorInTheGovUkPattern_AndKeepsTheNote()
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync("noscript2");
        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/articles", Cancel);
        var slug = list.GetProperty("items")[0].GetProperty("slug").GetString()!;
        var posted = await client.PostFormAsync($"/articles/{slug}", new Dictionary<string, string> { ["Form.Block"] = "1", ["Form.Note"] = "my careful note" },
            action: $"/articles/{slug}?handler=Tag");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await posted.Content.ReadAsStringAsync(Cancel), Cancel);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        var summary = document.QuerySelector("[data-error-summary]");
        Assert.NotNull(summary);
        Assert.Contains("Choose at least one theme", summary.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("purpose", summary.TextContent, StringComparison.Ordinal);
        var link = summary.QuerySelector("a")!.GetAttribute("href")!;
        var field = document.QuerySelector(link);
        Assert.NotNull(field);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.NotNull(document.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ')[^1]));
        Assert.Equal("my careful note", document.QuerySelector("#Form_Note")!.TextContent);
        Assert.Equal("1", document.QuerySelector("#Form_Block option[selected]")!.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("details#tag-form[open]"));
    }
}
