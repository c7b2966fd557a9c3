using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace LocalGovBlog.IntegrationTests.Data;

/// <summary>
/// Each article keeps its text's length in UTF-16 code units (the unit of passage offsets) so the coding comparison
/// need not read the text: set at import, and filled in for the articles already stored when the store is upgraded,
/// counting a character outside the Basic Multilingual Plane as two units.
/// </summary>
public sealed class ArticleTextLengthTests : ArchiveTest
{
    [Fact]
    public async Task ImportedArticles_KeepTheirTextLength()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();

        var articles = await db.Articles.AsNoTracking().Select(a => new { a.Text, a.TextLength }).ToListAsync(Cancel);

        Assert.NotEmpty(articles);
        Assert.All(articles, a => Assert.Equal(a.Text.Length, a.TextLength));
    }

    [Fact]
    public async Task UpgradingAStore_FillsInTheLengthOfEveryArticle_InUtf16Units()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArchiveDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var added = migrations.FindIndex(m => m.EndsWith("_ArticleTextLength", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        var id = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Cancel);
        const string Text = "Devolution 😀 deal, 𝄞 and café: 中文";

        await migrator.MigrateAsync(migrations[added - 1], Cancel);
        await db.Database.ExecuteSqlAsync($"UPDATE \"Articles\" SET \"Text\" = {Text} WHERE \"Id\" = {id}", Cancel);
        await migrator.MigrateAsync(null, Cancel);

        var articles = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.Text, a.TextLength }).ToListAsync(Cancel);
        Assert.Equal(Text.Length, articles.Single(a => a.Id == id).TextLength);
        Assert.Equal(Text.EnumerateRunes().Count() + 2, Text.Length);
        Assert.All(articles, a => Assert.Equal(a.Text.Length, a.TextLength));
    }
}
