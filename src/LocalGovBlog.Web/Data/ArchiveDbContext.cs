using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleBlock> ArticleBlocks => Set<ArticleBlock>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
}
