using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

public sealed class ImportCommandTests
{
    [Fact]
    public void HostSettings_KeepsTheStoreSettingAfterAnAbsolutePath() =>
        Assert.Equal(["--ConnectionStrings:Default=Data Source=/tmp/other.db"],
            ImportCommand.HostSettings(["import", "/tmp/dump.txt", "--ConnectionStrings:Default=Data Source=/tmp/other.db"]));

    [Fact]
    public void HostSettings_TakesASpaceSeparatedValueAndLeavesTheCommandsOwnOptions() =>
        Assert.Equal(["--ConnectionStrings:Default", "Data Source=x.db"],
            ImportCommand.HostSettings(["import", "--dry-run", "dump.txt", "--ConnectionStrings:Default", "Data Source=x.db"]));

    [Theory]
    [InlineData("import")]
    [InlineData("IMPORT")]
    public void IsInvoked_RecognisesTheCommandInAnyCase(string verb) =>
        Assert.True(ImportCommand.IsInvoked([verb, "dump.txt"]));

    [Fact]
    public void IsInvoked_IsFalseForTheWebServer() =>
        Assert.False(ImportCommand.IsInvoked(["--urls", "http://127.0.0.1:5000"]));
}
