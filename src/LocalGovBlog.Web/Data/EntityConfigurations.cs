using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalGovBlog.Web.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.SourceOrder);
        // Lists show dated posts newest first, then the rest in the listing's order. SQLite sorts nulls as
        // the smallest value, so "Published DESC, SourceOrder" puts undated posts last and this index serves it.
        builder.HasIndex(a => new { a.Published, a.SourceOrder }).IsDescending(true, false);
        builder.HasIndex(a => a.OpeningKey);
        builder.Property(a => a.Captions).HasMaxLength(2000);
        builder.Property(a => a.Keywords).HasMaxLength(2000);
        builder.Property(a => a.OpeningKey).HasMaxLength(64);
        builder.Property(a => a.Slug).HasMaxLength(100);
        builder.Property(a => a.Title).HasMaxLength(500);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.HasMany(a => a.Blocks).WithOne().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Authors).WithOne(aa => aa.Article).HasForeignKey(aa => aa.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleBlockConfiguration : IEntityTypeConfiguration<ArticleBlock>
{
    public void Configure(EntityTypeBuilder<ArticleBlock> builder)
    {
        builder.HasIndex(b => new { b.ArticleId, b.Ordinal }).IsUnique();
        builder.Property(b => b.Kind).HasConversion<int>();
    }
}

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.NameKey).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.NameKey).HasMaxLength(200);
        builder.Property(a => a.SearchName).HasMaxLength(200);
        builder.HasMany(a => a.Articles).WithOne(aa => aa.Author).HasForeignKey(aa => aa.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.HasKey(aa => new { aa.ArticleId, aa.AuthorId });
        builder.Property(aa => aa.PostNominals).HasMaxLength(100);
        builder.HasIndex(aa => aa.AuthorId);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.Property(t => t.Name).HasMaxLength(80);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.HasOne(t => t.Parent).WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasData(ThemeCodebook.Seed);
    }
}

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.HasIndex(a => new { a.ArticleId, a.Start });
        builder.HasIndex(a => a.OwnerId);
        builder.HasIndex(a => a.DeletedAtUtc);
        // A deleted tag waits out its undo window invisible to every query; the tag service alone looks past this.
        builder.HasQueryFilter(a => a.DeletedAtUtc == null);
        builder.Property(a => a.Note).HasMaxLength(Annotations.AnnotationRules.MaxNoteLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Themes).WithMany(t => t.Annotations).UsingEntity(
            "AnnotationThemes",
            r => r.HasOne(typeof(Theme)).WithMany().HasForeignKey("ThemeId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Annotation)).WithMany().HasForeignKey("AnnotationId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("AnnotationId", "ThemeId"));
    }
}
