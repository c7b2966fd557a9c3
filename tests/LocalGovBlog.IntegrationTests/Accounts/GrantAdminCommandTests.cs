using LocalGovBlog.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary><c>grant-admin USERNAME</c>: the way back when no admin is left or none can sign in.</summary>
public sealed class GrantAdminCommandTests() : ArchiveTest(seed: false, environment: "Production")
{
    [Fact]
    public async Task GrantAdmin_GivesAnAccountTheAdminRole_WhenNoAdminIsLeft()
    {
        var client = new FormsClient(Factory);
        await client.RegisterAsync("first.person");
        var reader = new FormsClient(Factory);
        await reader.RegisterAsync("trusted.reader");
        // As a store with no admin left looks (before the last-admin rule held under concurrency).
        await Factory.QueryAsync(db => db.UserRoles.ExecuteDeleteAsync(Cancel));
        Assert.Empty((await client.MeAsync())!.Roles);
        var console = new TestConsole().Width(500);

        var exit = await OperatorCommands.RunAsync(Factory.Services, ["grant-admin", "trusted.reader"], console);

        Assert.Equal(OperatorCommands.ExitOk, exit);
        Assert.Contains("trusted.reader is an admin", console.Output, StringComparison.Ordinal);
        Assert.Equal(["admin"], (await reader.MeAsync())!.Roles);
    }

    [Fact]
    public async Task GrantAdmin_ForANameWithoutAnAccount_ChangesNothingAndSaysWhy()
    {
        await new FormsClient(Factory).RegisterAsync("only.admin");
        var console = new TestConsole().Width(500);

        var exit = await OperatorCommands.RunAsync(Factory.Services, ["grant-admin", "no.such.person"], console);

        Assert.Equal(OperatorCommands.ExitRefused, exit);
        Assert.Contains("There is no account called 'no.such.person'", console.Output, StringComparison.Ordinal);
        Assert.Equal(1, await Factory.QueryAsync(db => db.UserRoles.CountAsync(Cancel)));
    }
}
