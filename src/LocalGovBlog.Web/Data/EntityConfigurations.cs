using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LocalGovBlog.Web.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.HasIndex(a => a.SourceOrder);
        builder.HasIndex(a => a.OpeningKey);
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
        builder.HasIndex(aa => aa.AuthorId);
    }
}
