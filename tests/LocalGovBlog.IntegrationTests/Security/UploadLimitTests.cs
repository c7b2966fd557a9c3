using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;
using LocalGovBlog.IntegrationTests.Annotations;

namespace LocalGovBlog.IntegrationTests.Security;

/// <summary>An oversized request is answered 413 with the limit named, for people and for API clients.</summary>
public sealed class UploadLimitTests() : ArchiveTest(environment: "Production")
{
    [Fact]
    public async Task SixtyMegabyteUpload_SaysTheFileIsTooLargeAndNamesTheLimit()
    {
        var editor = new FormsClient(Factory);
        await editor.RegisterAsync("the.editor"); // the first account is an admin
        var token = await editor.FormTokenAsync("/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(new byte[60 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Dump", "huge.txt");

        var response = await editor.Http.PostAsync("/import", form, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("That file is too large", html, StringComparison.Ordinal);
        Assert.Contains("50 MB", html, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn’t understand", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedApiBody_IsA413ProblemNamingTheLimit()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("big.writer");
        var body = TaggingClient.Body(0, 10, "Creating o", ["austerity"], note: new string('x', 2 * 1024 * 1024));

        using var request = await client.PrepareApiAsync(HttpMethod.Post, "/api/articles/creating-our-fate-through-our-own-behaviours/annotations");
        // As browsers and most clients send it: with its length.
        request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

        var response = await client.Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("1 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
