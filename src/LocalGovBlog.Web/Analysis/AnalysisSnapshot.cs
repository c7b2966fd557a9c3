using System.Collections.Concurrent;

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

    /// <summary>Results already computed from this snapshot, by what was asked (<see cref="AnalysisFilter.Key"/> and the
    /// matrix): a snapshot never changes, so a result stays true for as long as the snapshot is the current one.</summary>
    private readonly ConcurrentDictionary<string, Lazy<object>> _results = new(StringComparer.Ordinal);

    /// <summary>Kept results at most; past this the oldest are not told apart and all are dropped (filters vary little).</summary>
    private const int MaxResults = 256;

    public T Remember<T>(string key, Func<T> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_results.Count >= MaxResults)
        {
            _results.Clear();
        }
        return (T)_results.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
