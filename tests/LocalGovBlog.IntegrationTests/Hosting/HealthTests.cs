using System.Net;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Hosting;

/// <summary><c>/health/live</c> says the process answers; <c>/health/ready</c> that the store answers and is migrated.</summary>
public sealed class HealthTests() : ArchiveTest(seed: false, environment: "Production")
{
    [Fact]
    public async Task LiveAndReady_AreHealthyOnAMigratedStore()
    {
        var client = Factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live", Cancel));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Cancel));
    }

    [Fact]
    public async Task Ready_IsUnhealthyWhenAMigrationIsMissing_WhileLiveStaysHealthy()
    {
        var client = Factory.CreateClient();
        await Factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = (SELECT max("MigrationId") FROM "__EFMigrationsHistory")""", Cancel));

        var ready = await client.GetAsync("/health/ready", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Cancel)).StatusCode);
    }
}
