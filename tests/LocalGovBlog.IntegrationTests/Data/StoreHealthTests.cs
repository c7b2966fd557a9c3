using System.Net;

namespace LocalGovBlog.IntegrationTests.Data;

/// <summary><c>/health/ready</c> asks the SQLite store itself, so a store file that stops being a database fails it.</summary>
public sealed class StoreHealthTests() : ArchiveTest(seed: false, environment: "Production")
{
    [Fact]
    public async Task Ready_IsUnhealthyWhenTheStoreFileIsNoLongerADatabase_WhileLiveStaysHealthy()
    {
        var client = Factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Cancel));

        // The test store opens a fresh handle per connection (Pooling=False), so the next check reads these bytes.
        await File.WriteAllTextAsync(Factory.DatabasePath, new string('x', 8192), Cancel);

        var ready = await client.GetAsync("/health/ready", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Cancel)).StatusCode);
    }
}
