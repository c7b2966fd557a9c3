using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Data;

public static class AuthorQueries
{
    /// <summary>Authors whose name contains every typed word, ignoring case, accents and honorifics:
    /// "staite", "CATHERINE" and "zoe muller" all find who a reader would expect.</summary>
    public static IQueryable<Author> MatchingName(this IQueryable<Author> authors, string? query)
    {
        foreach (var term in PersonName.QueryTerms(query))
        {
            authors = authors.Where(a => a.SearchName.Contains(term));
        }
        return authors;
    }
}
