using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>The authors and the shared role read from a byline (or from a sign-off line); co-authors with roles of
/// their own carry them in <see cref="ParsedAuthor.Role"/>, and then <see cref="Role"/> is null.</summary>
internal sealed class Byline(IReadOnlyList<ParsedAuthor> authors, string? role, bool isSentence = false)
{
    private HashSet<string>? keys;

    public IReadOnlyList<ParsedAuthor> Authors => authors;

    public string? Role => role;

    /// <summary>A role is given, shared or to some authors alone ("Jane Smith, Lecturer, John Brown, Research Fellow").</summary>
    public bool HasRole => role is not null || authors.Any(author => author.Role is not null);

    /// <summary>Written as a sentence ("Jo Bloggs reflects on …"): the line also introduces the post.</summary>
    public bool IsSentence => isSentence;

    /// <summary>True when both name the same people, in any order and however joined or titled.</summary>
    public bool NamesSamePeopleAs(Byline other)
    {
        keys ??= Authors.Select(author => PersonName.Key(author.Name)).ToHashSet(StringComparer.Ordinal);
        return other.Authors.Count == Authors.Count
            && other.Authors.All(author => keys.Contains(PersonName.Key(author.Name)));
    }
}
