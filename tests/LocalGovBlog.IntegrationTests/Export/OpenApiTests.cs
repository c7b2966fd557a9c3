using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests.Export;

public sealed partial class OpenApiTests : ArchiveTest
{
    public OpenApiTests() : base(seed: false)
    {
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task OpenApiDescription_ListsEveryMappedApiAndExportEndpoint_WithSummariesAndProblemResponses()
    {
        var response = await Factory.CreateClient().GetAsync("/openapi/v1.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();

        var mapped = Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/export/", StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {RouteParameter().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/')}"))
            .ToList();

        Assert.True(mapped.Count >= 20, $"only {mapped.Count} API endpoints found");
        Assert.All(mapped, m => Assert.Contains(m, described));
        Assert.Contains("GET /export/annotations.jsonld", described);
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Value.GetProperty("summary").GetString()), o.Name));
        var post = document.GetProperty("paths").GetProperty("/api/articles/{slug}/annotations").GetProperty("post");
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "X-CSRF-TOKEN");
        Assert.Contains(post.GetProperty("responses").EnumerateObject(), r => r.Name == "400" && r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }
}
