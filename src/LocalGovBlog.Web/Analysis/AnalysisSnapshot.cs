namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Every anchored, undeleted passage tag with its themes, and the authors and date of every tagged
/// article: what every matrix is computed from. Private tags are in it with their owner, and the
/// <see cref="AnalysisFilter"/> decides per reader who counts them.
/// </summary>
public sealed class AnalysisSnapshot(IReadOnlyList<CodedPassage> passages, IReadOnlyDictionary<int, CodedArticle> articles, IReadOnlyDictionary<string, string> taggerNames)
{
    public static AnalysisSnapshot Empty { get; } = new([], new Dictionary<int, CodedArticle>(), new Dictionary<string, string>());

    public IReadOnlyList<CodedPassage> Passages { get; } = passages;

    public IReadOnlyDictionary<int, CodedArticle> Articles { get; } = articles;

    /// <summary>Account id → user name, for everyone who has a tag.</summary>
    public IReadOnlyDictionary<string, string> TaggerNames { get; } = taggerNames;

    public IEnumerable<(CodedPassage Passage, CodedArticle Article)> Counted(AnalysisFilter filter) =>
        filter.Apply(Passages, Articles);
}
