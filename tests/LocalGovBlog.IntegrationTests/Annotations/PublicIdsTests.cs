using System.Net;
using System.Text.Json;
using LocalGovBlog.IntegrationTests.Accounts;

namespace LocalGovBlog.IntegrationTests.Annotations;

/// <summary>Tag ids and targets are built from Site:PublicBaseAddress, never from the Host header a client sends.</summary>
public sealed class PublicIdsTests : IAsyncLifetime
{
    private const string Slug = "creating-our-fate-through-our-own-behaviours";

    // Every host admitted, so only the id-building is under test (AllowedHosts is tested in Production below).
    private readonly ArchiveFactory _factory = new ArchiveFactory()
        .WithSetting("AllowedHosts", "*")
        .WithSetting("Site:PublicBaseAddress", "https://archive.example.org/");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task TagIds_UseThePublicAddress_WhateverHostTheRequestNames()
    {
        var client = new FormsClient(_factory);
        await client.RegisterAsync("tagger");
        var text = await TaggingClient.TextAsync(client, Slug);
        var created = await TaggingClient.TagAsync(client, Slug, text, "partnership working", ["devolution"]);
        Assert.StartsWith("https://archive.example.org/api/annotations/", created.GetProperty("id").GetString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/articles/{Slug}/annotations");
        request.Headers.Host = "evil.example";
        var response = await client.Http.SendAsync(request, Cancel);

        var tag = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.EnumerateArray().Single();
        Assert.StartsWith("https://archive.example.org/api/annotations/", tag.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal($"https://archive.example.org/articles/{Slug}", tag.GetProperty("target").GetProperty("source").GetString());
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}

public sealed class AllowedHostsTests() : ArchiveTest(environment: "Production")
{
    [Fact]
    public async Task Production_RefusesARequestForAHostItDoesNotServe()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.Host = "evil.example";

        var response = await new FormsClient(Factory).Http.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
