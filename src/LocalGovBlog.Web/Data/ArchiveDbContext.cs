using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Data;

/// <summary>
/// The one store: the archive, the accounts (ASP.NET Core Identity) and the Data Protection keys,
/// so that every instance and every restart shares sign-in cookies and antiforgery tokens.
/// This type is the SQLite store (its migrations are <c>Data/Migrations</c>);
/// <see cref="PostgreSqlArchiveDbContext"/> is the same model on PostgreSQL with a migration set of its own.
/// </summary>
public class ArchiveDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public ArchiveDbContext(DbContextOptions<ArchiveDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, which EF needs to keep a migration set apart.</summary>
    protected ArchiveDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleBlock> ArticleBlocks => Set<ArticleBlock>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CountTagVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CountTagVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every change to a tag, by whichever door, makes a new version; the old one is what the update checks.</summary>
    private void CountTagVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Annotation>())
        {
            if (entry.State == EntityState.Modified && !entry.Property(a => a.Version).IsModified)
            {
                entry.Entity.Version++;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
    }
}

/// <summary>
/// The archive on PostgreSQL: the same model, a type of its own so that its migrations
/// (<c>Data/Migrations/PostgreSQL</c>) are kept apart from SQLite's. Services ask for
/// <see cref="ArchiveDbContext"/> and get this when <c>Store:Provider</c> is PostgreSQL.
/// </summary>
public sealed class PostgreSqlArchiveDbContext(DbContextOptions<PostgreSqlArchiveDbContext> options) : ArchiveDbContext(options);
