using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// One author per person, however the bylines spell them: finds the stored author for each person a batch
/// names (by <see cref="PersonName.Key"/>, so "Professor Catherine Staite" and "catherine STAITE" are one)
/// and makes the ones the store lacks, each with a slug no other author has.
/// </summary>
internal sealed class AuthorFinder(
    Func<IReadOnlyCollection<string>, CancellationToken, Task<List<Author>>> loadByKeys,
    Func<string, CancellationToken, Task<bool>> slugTaken)
{
    private readonly HashSet<string> _slugsGiven = new(StringComparer.Ordinal);

    /// <summary>Authors made by this import so far.</summary>
    public int Added { get; private set; }

    /// <summary>The author of every person named, keyed by name key; <paramref name="created"/> gets the new ones.</summary>
    public async Task<Dictionary<string, Author>> FindAsync(IEnumerable<ParsedAuthor> people, List<Author> created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(created);
        var named = people.Select(person => (Key: PersonName.Key(person.Name), person.Name)).ToList();
        var keys = named.Select(person => person.Key).Distinct(StringComparer.Ordinal).ToList();
        var authors = (await loadByKeys(keys, cancellationToken)).ToDictionary(a => a.NameKey, StringComparer.Ordinal);
        foreach (var (key, name) in named)
        {
            if (authors.ContainsKey(key))
            {
                continue;
            }
            var author = new Author
            {
                Name = name,
                NameKey = key,
                SearchName = PersonName.SearchForm(name),
                Slug = await UniqueSlugAsync(Slug.From(name), cancellationToken),
            };
            authors[key] = author;
            created.Add(author);
            Added++;
        }
        return authors;
    }

    private async Task<string> UniqueSlugAsync(string baseSlug, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            var slug = n == 1 ? baseSlug : $"{baseSlug}-{n}";
            if (_slugsGiven.Add(slug) && !await slugTaken(slug, cancellationToken))
            {
                return slug;
            }
        }
    }
}
