using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// The one store: the archive, the accounts (ASP.NET Core Identity) and the Data Protection keys,
/// so that every instance and every restart shares sign-in cookies and antiforgery tokens.
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleBlock> ArticleBlocks => Set<ArticleBlock>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
    }
}
