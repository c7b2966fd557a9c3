using System.Net;

namespace LocalGovBlog.IntegrationTests.Accounts;

public sealed class SessionPersistenceTests
{
    [Fact]
    public async Task RestartingTheApp_KeepsPeopleSignedIn()
    {
        var cookies = new CookieContainer();
        string databasePath;
        await using (var first = new ArchiveFactory(seed: false, environment: "Production"))
        {
            databasePath = first.DatabasePath;
            await new FormsClient(first, cookies).RegisterAsync("stays.signed.in");
            Assert.NotNull(await new FormsClient(first, cookies).MeAsync());

            // A second app instance on the same store: a restart, or another server behind a balancer.
            await using var second = new ArchiveFactory(seed: false, environment: "Production", databasePath: databasePath);
            var me = await new FormsClient(second, cookies).MeAsync();

            Assert.NotNull(me);
            Assert.Equal("stays.signed.in", me.UserName);
        }
    }
}
