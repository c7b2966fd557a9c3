namespace LocalGovBlog.Web.Search;

/// <summary>The <c>Search</c> settings: where ranking and counting stop paying for themselves.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Above this many matches bm25 would score every one of them: rank only those with the words
    /// in a title, standfirst or author's name (if there are no more than this), then the rest in archive order.</summary>
    public int RankLimit { get; set; } = 2_000;

    /// <summary>Above this many matches counting them per author costs more than the answer is worth.</summary>
    public int FacetLimit { get; set; } = 20_000;
}
