using System.Net;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.IntegrationTests.Accounts;

/// <summary>The "last admin" rule holds when two admins remove each other at the same moment.</summary>
public sealed class LastAdminRaceTests() : ArchiveTest(seed: false, environment: "Production")
{
    [Fact]
    public async Task TwoAdminsRemovingEachOtherAtOnce_LeaveExactlyOneAdmin()
    {
        var first = new FormsClient(Factory);
        await first.RegisterAsync("first.admin");
        var second = new FormsClient(Factory);
        await second.RegisterAsync("second.admin");
        var firstId = (await first.MeAsync())!.Id;
        var secondId = (await second.MeAsync())!.Id;

        // Several rounds: each one makes the other account an admin again, then both remove each other at once.
        for (var round = 0; round < 6; round++)
        {
            var survivor = await AdminsAsync() is [var only] && only == firstId ? first : second;
            var other = survivor == first ? secondId : firstId;
            Assert.Equal(HttpStatusCode.NoContent, (await survivor.SendApiAsync(HttpMethod.Put, $"/api/admin/users/{other}/roles/admin")).StatusCode);
            Assert.Equal(2, (await AdminsAsync()).Count);

            using var removeSecond = await first.PrepareApiAsync(HttpMethod.Delete, $"/api/admin/users/{secondId}/roles/admin");
            using var removeFirst = await second.PrepareApiAsync(HttpMethod.Delete, $"/api/admin/users/{firstId}/roles/admin");
            var answers = await Task.WhenAll(first.Http.SendAsync(removeSecond, Cancel), second.Http.SendAsync(removeFirst, Cancel));

            Assert.Single(await AdminsAsync());
            // One wins. The other is refused: 409 (the last admin stays) or, if its request was authorised only
            // after the winner's change, 403 (it is no longer an admin at all).
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.NoContent);
            Assert.Single(answers, a => a.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
        }
    }

    private Task<List<string>> AdminsAsync() =>
        Factory.QueryAsync(db => db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == "admin"))
            .Select(ur => ur.UserId).ToListAsync(Cancel));
}
