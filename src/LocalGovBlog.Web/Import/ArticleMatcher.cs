using System.Collections.Frozen;
using System.Globalization;
using LocalGovBlog.Web.Data;

namespace LocalGovBlog.Web.Import;

/// <summary>What a parsed post is in the store: a stored article (or none, for a new post) and the slug it goes under.</summary>
/// <param name="IsRepeat">The same post, word for word, already appeared earlier in this dump.</param>
internal sealed record ArticleMatch(Article? Stored, string Slug, bool IsRepeat);

/// <summary>
/// Finds the stored article a parsed post is. First by its title's slug; a post whose title changed keeps
/// its address, found again by its first author and opening words. A second post with a title already used
/// in this dump takes the next free "-2", "-3" slug, unless it repeats the first word for word. Among posts that
/// share a title ("Weekly round-up"), the author and opening words pick the stored one before its place does, so
/// a new round-up at the top of a later dump does not take over the address (and the tags) of an older one.
/// Remembers what this import has placed as 64-bit hashes, the only state that grows with the dump (about 24
/// bytes a post).
/// </summary>
internal sealed class ArticleMatcher(Func<string, CancellationToken, Task<Article?>> findBySlug)
{
    // Slug → content hash of every post this import has placed.
    private readonly Dictionary<ulong, ulong> _claims = [];

    /// <param name="candidates">Stored articles that may be this post: those under its slug or with its opening key.</param>
    public Task<ArticleMatch> MatchAsync(PreparedArticle post, IReadOnlyList<Article> candidates, CancellationToken cancellationToken) =>
        MatchAsync(post, candidates, FrozenSet<string>.Empty, cancellationToken);

    /// <param name="candidates">Stored articles that may be this post: those under its slug or with its opening key.</param>
    /// <param name="openingsInBatch">The opening keys of the posts imported with this one: a stored article that one of
    /// them opens like is theirs, not this post's, even where it stands under this post's slug.</param>
    public async Task<ArticleMatch> MatchAsync(PreparedArticle post, IReadOnlyList<Article> candidates, IReadOnlySet<string> openingsInBatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(openingsInBatch);
        if (_claims.TryGetValue(Fnv1a(post.BaseSlug), out var claimedHash) && claimedHash == Compact(post.ContentHash))
        {
            return new ArticleMatch(null, post.BaseSlug, IsRepeat: true);
        }
        if (candidates.FirstOrDefault(a => a.OpeningKey == post.OpeningKey && IsOfTitle(a.Slug, post.BaseSlug) && !IsClaimed(a.Slug)) is { } same)
        {
            Claim(same.Slug, post.ContentHash);
            return new ArticleMatch(same, same.Slug, IsRepeat: false);
        }
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? post.BaseSlug : string.Create(CultureInfo.InvariantCulture, $"{post.BaseSlug}-{n}");
            if (IsClaimed(slug))
            {
                continue;
            }
            var stored = candidates.FirstOrDefault(a => a.Slug == slug)
                ?? (n == 1 ? null : await findBySlug(slug, cancellationToken));
            if (stored is not null && stored.OpeningKey != post.OpeningKey && openingsInBatch.Contains(stored.OpeningKey))
            {
                continue;
            }
            if (stored is null && n == 1)
            {
                stored = candidates.FirstOrDefault(a => a.OpeningKey == post.OpeningKey && !IsClaimed(a.Slug));
                if (stored is not null)
                {
                    Claim(stored.Slug, post.ContentHash);
                    return new ArticleMatch(stored, stored.Slug, IsRepeat: false);
                }
            }
            Claim(slug, post.ContentHash);
            return new ArticleMatch(stored, slug, IsRepeat: false);
        }
    }

    private bool IsClaimed(string slug) => _claims.ContainsKey(Fnv1a(slug));

    /// <summary>The slug is the title's own or one of its numbered twins ("weekly-round-up-3").</summary>
    private static bool IsOfTitle(string slug, string baseSlug) =>
        slug == baseSlug
        || (slug.Length > baseSlug.Length + 1 && slug.StartsWith(baseSlug, StringComparison.Ordinal) && slug[baseSlug.Length] == '-'
            && slug.AsSpan(baseSlug.Length + 1).IndexOfAnyExceptInRange('0', '9') < 0);

    private void Claim(string slug, string contentHash) => _claims[Fnv1a(slug)] = Compact(contentHash);

    /// <summary>The first 64 bits of a hex SHA-256.</summary>
    private static ulong Compact(string contentHash) =>
        ulong.Parse(contentHash.AsSpan(0, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
