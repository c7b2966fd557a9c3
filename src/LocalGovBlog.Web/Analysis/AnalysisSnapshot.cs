using System.Collections;
using System.Collections.Concurrent;

namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// Every anchored, undeleted passage tag with its themes, and the authors and date of every tagged
/// article: what every matrix is computed from. Private tags are in it with their owner, and the
/// <see cref="AnalysisFilter"/> decides per reader who counts them.
/// </summary>
/// <remarks>
/// A million tags are held as parallel arrays of numbers, sorted once by (article, start, end, tag), not as a
/// million objects: a matrix is then one walk down the arrays, where a run of equal ranges is one passage and
/// a change of article ends an article, so "distinct articles" needs no set and "the same passage" no grouping.
/// Themes, authors and months are numbered densely so a matrix is a flat array of counts.
/// </remarks>
public sealed partial class AnalysisSnapshot
{
    // Articles with a tag, by id.
    private readonly CodedArticle[] _articles;
    private readonly int[] _articleMonth;      // months since year 0, or -1 when undated
    private readonly int[] _articleAuthorStart; // _authorsOf[_articleAuthorStart[a] .. _articleAuthorStart[a + 1]]
    private readonly int[] _authorsOf;          // dense author numbers, each article's distinct authors
    private readonly int[] _authorIds;          // dense author number → author id

    // Passages, sorted by (article, start, end, tag).
    private readonly int[] _tag;
    private readonly int[] _article;            // index into _articles
    private readonly int[] _owner;              // index into _ownerIds
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _public;
    private readonly int[] _themeStart;         // _themes[_themeStart[p] .. _themeStart[p + 1]]
    private readonly int[] _themes;             // dense theme numbers, distinct per passage
    private readonly int[] _themeIdsOf;         // the same themes as ids, for CodedPassage.ThemeIds
    private readonly int[] _themeIds;           // dense theme number → theme id
    private readonly string[] _ownerIds;
    private readonly int[] _ownerStart;         // _byOwner[_ownerStart[o] .. _ownerStart[o + 1]]
    private readonly int[] _byOwner;            // passage numbers grouped by owner, in passage order within each
    private readonly int _firstMonth;

    private readonly ArticleTable _table;
    private readonly int[] _themeUse;           // passages carrying each theme

    private AnalysisSnapshot(
        ArticleTable table, int[] tag, int[] article, int[] owner, int[] start, int[] end, bool[] isPublic, int[] themeStart, int[] themes,
        int[] themeIdsOf, int[] themeIds, string[] ownerIds, IReadOnlyDictionary<string, string> taggerNames)
    {
        _table = table;
        _articles = table.Articles;
        _articleMonth = table.Month;
        _articleAuthorStart = table.AuthorStart;
        _authorsOf = table.AuthorsOf;
        _authorIds = table.AuthorIds;
        _tag = tag;
        _article = article;
        _owner = owner;
        _start = start;
        _end = end;
        _public = isPublic;
        _themeStart = themeStart;
        _themes = themes;
        _themeIdsOf = themeIdsOf;
        _themeIds = themeIds;
        _ownerIds = ownerIds;
        (_ownerStart, _byOwner) = IndexByOwner(owner, ownerIds.Length);
        _themeUse = new int[themeIds.Length];
        foreach (var t in themes)
        {
            _themeUse[t]++;
        }
        TaggerNames = taggerNames;
        Articles = table.ById;
        Passages = new PassageList(this);
        _firstMonth = table.FirstMonth;
        MonthCount = table.MonthCount;
    }

    public static AnalysisSnapshot Empty { get; } = Create([], new Dictionary<int, CodedArticle>(), new Dictionary<string, string>());

    /// <summary>Passages in (article, start, end, tag) order, each made when asked for.</summary>
    public IReadOnlyList<CodedPassage> Passages { get; }

    public IReadOnlyDictionary<int, CodedArticle> Articles { get; }

    /// <summary>Account id → user name, for everyone who has a tag.</summary>
    public IReadOnlyDictionary<string, string> TaggerNames { get; }

    private int MonthCount { get; }

    /// <summary>The snapshot of these passages; passages in articles not given are left out, as are their repeated themes.</summary>
    public static AnalysisSnapshot Create(IEnumerable<CodedPassage> passages, IReadOnlyDictionary<int, CodedArticle> articles, IReadOnlyDictionary<string, string> taggerNames)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(articles);
        var builder = new Builder(articles.Values);
        foreach (var passage in passages)
        {
            builder.Add(passage.TagId, passage.ArticleId, passage.OwnerId, passage.Start, passage.End, passage.IsPublic, passage.ThemeIds);
        }
        return builder.Build(taggerNames);
    }

    /// <summary>The account ids of everyone with a tag <paramref name="viewerId"/> may see (a public one, or one of their own).</summary>
    public IEnumerable<string> VisibleTaggers(string? viewerId)
    {
        for (var o = 0; o < _ownerIds.Length; o++)
        {
            if (_ownerIds[o] == viewerId)
            {
                yield return _ownerIds[o];
                continue;
            }
            for (var i = _ownerStart[o]; i < _ownerStart[o + 1]; i++)
            {
                if (_public[_byOwner[i]])
                {
                    yield return _ownerIds[o];
                    break;
                }
            }
        }
    }

    public IEnumerable<(CodedPassage Passage, CodedArticle Article)> Counted(AnalysisFilter filter)
    {
        var compiled = Compile(filter);
        for (var p = 0; p < _tag.Length; p++)
        {
            if (compiled.Counts(p))
            {
                yield return (Passage(p), _articles[_article[p]]);
            }
        }
    }

    /// <summary>Themes × authors, themes × months and the totals, in one walk over the passages.</summary>
    public ThemeCounts CountThemes(AnalysisFilter filter)
    {
        var f = Compile(filter);
        int themes = _themeIds.Length, authors = _authorIds.Length, months = MonthCount;
        var byAuthor = new Tally(themes * authors);
        var byMonth = new Tally(themes * months);
        var rows = new Tally(themes);
        int counted = 0, undated = 0, firstMonth = int.MaxValue, lastMonth = -1;
        for (var p = 0; p < _tag.Length; p++)
        {
            if (!f.Counts(p))
            {
                continue;
            }
            var a = _article[p];
            var month = _articleMonth[a];
            if (month >= 0)
            {
                firstMonth = Math.Min(firstMonth, month);
                lastMonth = Math.Max(lastMonth, month);
            }
            var any = false;
            for (var k = _themeStart[p]; k < _themeStart[p + 1]; k++)
            {
                var t = _themes[k];
                if (!f.Theme[t])
                {
                    continue;
                }
                any = true;
                rows.Add(t, a);
                for (var u = _articleAuthorStart[a]; u < _articleAuthorStart[a + 1]; u++)
                {
                    byAuthor.Add((t * authors) + _authorsOf[u], a);
                }
                if (month >= 0)
                {
                    byMonth.Add((t * months) + month - _firstMonth, a);
                }
            }
            if (any)
            {
                counted++;
                undated += month < 0 ? 1 : 0;
            }
        }

        var authorCells = new Dictionary<(int, int), CellCount>();
        var monthCells = new Dictionary<(int, string), CellCount>();
        var totals = new Dictionary<int, CellCount>();
        for (var t = 0; t < themes; t++)
        {
            if (rows.Passages[t] > 0)
            {
                totals[_themeIds[t]] = rows.Cell(t);
            }
            for (var u = 0; u < authors; u++)
            {
                if (byAuthor.Passages[(t * authors) + u] > 0)
                {
                    authorCells[(_themeIds[t], _authorIds[u])] = byAuthor.Cell((t * authors) + u);
                }
            }
            for (var m = 0; m < months; m++)
            {
                if (byMonth.Passages[(t * months) + m] > 0)
                {
                    monthCells[(_themeIds[t], CodedArticle.MonthKey(MonthDate(_firstMonth + m)))] = byMonth.Cell((t * months) + m);
                }
            }
        }
        IReadOnlyList<DateOnly> span = lastMonth < 0 ? [] : AnalysisService.MonthSpan([MonthDate(firstMonth), MonthDate(lastMonth)]);
        return new ThemeCounts(new CrossTab<int>(authorCells, totals), new CrossTab<string>(monthCells, totals), span, counted, undated);
    }

    /// <summary>Themes × themes in one of the three senses of "together" (see <see cref="CoOccurrence"/>).</summary>
    public CoOccurrence CountCoOccurrence(AnalysisFilter filter, CoOccurrenceMode mode)
    {
        var f = Compile(filter);
        var themes = _themeIds.Length;
        var counts = new int[themes * themes];
        var seen = new int[themes * themes];
        var stamp = 0;
        var group = new List<int>();
        var inGroup = new int[themes];
        var run = new List<int>();
        var p = 0;
        while (p < _tag.Length)
        {
            // One run: the passages of one article, or of one range of it.
            var end = p + 1;
            while (end < _tag.Length && _article[end] == _article[p]
                && (mode != CoOccurrenceMode.SamePassage || (_start[end] == _start[p] && _end[end] == _end[p])))
            {
                end++;
            }
            run.Clear();
            for (var q = p; q < end; q++)
            {
                if (f.Counts(q))
                {
                    run.Add(q);
                }
            }
            p = end;
            if (run.Count == 0)
            {
                continue;
            }
            if (mode != CoOccurrenceMode.Overlapping)
            {
                stamp++;
                group.Clear();
                foreach (var q in run)
                {
                    for (var k = _themeStart[q]; k < _themeStart[q + 1]; k++)
                    {
                        var t = _themes[k];
                        if (f.Theme[t] && inGroup[t] != stamp)
                        {
                            inGroup[t] = stamp;
                            group.Add(t);
                        }
                    }
                }
                for (var i = 0; i < group.Count; i++)
                {
                    for (var j = i; j < group.Count; j++)
                    {
                        counts[Pair(group[i], group[j], themes)]++;
                    }
                }
                continue;
            }
            // Overlapping: the run is sorted by start, so a passage meets only the later ones that begin before it ends.
            for (var i = 0; i < run.Count; i++)
            {
                var a = run[i];
                for (var j = i; j < run.Count && _start[run[j]] < _end[a]; j++)
                {
                    var b = run[j];
                    if (j != i && !(_start[b] < _end[a] && _start[a] < _end[b]))
                    {
                        continue;
                    }
                    // A pair of passages counts once per cell, even when both carry both themes; a passage paired with
                    // itself counts once on the diagonal of each of its themes. Two different passages never add to the
                    // diagonal: it counts passages, not pairs.
                    stamp++;
                    for (var x = _themeStart[a]; x < _themeStart[a + 1]; x++)
                    {
                        var ta = _themes[x];
                        if (!f.Theme[ta])
                        {
                            continue;
                        }
                        for (var y = _themeStart[b]; y < _themeStart[b + 1]; y++)
                        {
                            var tb = _themes[y];
                            if (!f.Theme[tb] || (j == i ? ta > tb : ta == tb))
                            {
                                continue;
                            }
                            var cell = Pair(ta, tb, themes);
                            if (seen[cell] != stamp)
                            {
                                seen[cell] = stamp;
                                counts[cell]++;
                            }
                        }
                    }
                }
            }
        }
        var cells = new Dictionary<(int, int), int>();
        for (var i = 0; i < themes; i++)
        {
            for (var j = i; j < themes; j++)
            {
                if (counts[(i * themes) + j] > 0)
                {
                    cells[CoOccurrence.Key(_themeIds[i], _themeIds[j])] = counts[(i * themes) + j];
                }
            }
        }
        return new CoOccurrence(mode, cells);
    }

    /// <summary>
    /// This snapshot with one change to the coding applied: every tag in <paramref name="changedTags"/> leaves it, and
    /// <paramref name="passages"/> (those tags as they are now; a tag deleted, orphaned or left without themes is not
    /// among them) come in; each article in <paramref name="articles"/> is replaced, or leaves when it is null (no
    /// tag of it left); <paramref name="taggerNames"/> names the owners the passages may bring. The result is the
    /// snapshot <see cref="Builder"/> makes from the same tags: the arrays are copied once, in order, not sorted again.
    /// </summary>
    public AnalysisSnapshot With(IReadOnlySet<int> changedTags, IEnumerable<CodedPassage> passages,
        IReadOnlyDictionary<int, CodedArticle?> articles, IReadOnlyDictionary<string, string> taggerNames)
    {
        ArgumentNullException.ThrowIfNull(changedTags);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(taggerNames);
        var given = passages as IReadOnlyCollection<CodedPassage> ?? [.. passages];
        if (Spliced(changedTags, given, articles, taggerNames) is { } spliced)
        {
            return spliced;
        }
        passages = given;
        var list = new List<CodedArticle>(_articles.Length + articles.Count);
        list.AddRange(_articles.Where(a => !articles.ContainsKey(a.Id)));
        list.AddRange(articles.Values.OfType<CodedArticle>());
        list.Sort(static (x, y) => x.Id.CompareTo(y.Id));
        var newArticles = list.ToArray();
        var articleIds = Array.ConvertAll(newArticles, a => a.Id);
        // Articles keep their order, so an old passage's new article number keeps the passages sorted.
        var moved = new int[_articles.Length];
        for (var a = 0; a < moved.Length; a++)
        {
            var found = Array.BinarySearch(articleIds, _articles[a].Id);
            moved[a] = found >= 0 ? found : -1;
        }

        var ownerIds = new List<string>(_ownerIds);
        var themeIds = new List<int>(_themeIds);
        var added = new List<(int Article, int Start, int End, int Tag, int Owner, bool IsPublic, int[] Themes)>();
        foreach (var passage in passages)
        {
            var at = Array.BinarySearch(articleIds, passage.ArticleId);
            if (at < 0)
            {
                continue;
            }
            var by = ownerIds.IndexOf(passage.OwnerId);
            if (by < 0)
            {
                by = ownerIds.Count;
                ownerIds.Add(passage.OwnerId);
            }
            var themes = new List<int>();
            foreach (var id in passage.ThemeIds)
            {
                var theme = themeIds.IndexOf(id);
                if (theme < 0)
                {
                    theme = themeIds.Count;
                    themeIds.Add(id);
                }
                if (!themes.Contains(theme))
                {
                    themes.Add(theme);
                }
            }
            added.Add((at, passage.Start, passage.End, passage.TagId, by, passage.IsPublic, [.. themes]));
        }
        added.Sort(static (x, y) =>
            x.Article != y.Article ? x.Article.CompareTo(y.Article)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.End != y.End ? x.End.CompareTo(y.End)
            : x.Tag.CompareTo(y.Tag));

        bool Kept(int p) => moved[_article[p]] >= 0 && !changedTags.Contains(_tag[p]);
        int count = added.Count, themeCount = added.Sum(r => r.Themes.Length);
        for (var p = 0; p < _tag.Length; p++)
        {
            if (Kept(p))
            {
                count++;
                themeCount += _themeStart[p + 1] - _themeStart[p];
            }
        }
        int[] tag = new int[count], article = new int[count], owner = new int[count], start = new int[count], end = new int[count];
        int[] themeStart = new int[count + 1], themeNumbers = new int[themeCount];
        var isPublic = new bool[count];
        int q = 0, k = 0, next = 0;
        for (var p = 0; p <= _tag.Length; p++)
        {
            if (p < _tag.Length && !Kept(p))
            {
                continue;
            }
            // Before the old passage p (or, past the end, before nothing), the new passages that sort ahead of it.
            while (next < added.Count && (p == _tag.Length || Before(added[next], moved[_article[p]], _start[p], _end[p], _tag[p])))
            {
                var row = added[next++];
                (tag[q], article[q], owner[q], start[q], end[q], isPublic[q]) = (row.Tag, row.Article, row.Owner, row.Start, row.End, row.IsPublic);
                themeStart[q++] = k;
                foreach (var t in row.Themes)
                {
                    themeNumbers[k++] = t;
                }
            }
            if (p == _tag.Length)
            {
                break;
            }
            (tag[q], article[q], owner[q], start[q], end[q], isPublic[q]) = (_tag[p], moved[_article[p]], _owner[p], _start[p], _end[p], _public[p]);
            themeStart[q++] = k;
            for (var x = _themeStart[p]; x < _themeStart[p + 1]; x++)
            {
                themeNumbers[k++] = _themes[x];
            }
        }
        themeStart[count] = k;

        var names = new Dictionary<string, string>(TaggerNames, StringComparer.Ordinal);
        foreach (var (id, name) in taggerNames)
        {
            names[id] = name;
        }
        var used = new bool[ownerIds.Count];
        foreach (var o in owner)
        {
            used[o] = true;
        }
        var present = ownerIds.Where((_, o) => used[o]).ToHashSet(StringComparer.Ordinal);
        var kept = names.Where(n => present.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal);
        return Assemble(newArticles, tag, article, owner, start, end, isPublic, themeStart, themeNumbers, [.. themeIds], [.. ownerIds], kept);

        static bool Before((int Article, int Start, int End, int Tag, int Owner, bool IsPublic, int[] Themes) row, int article, int start, int end, int tag) =>
            row.Article != article ? row.Article < article
            : row.Start != start ? row.Start < start
            : row.End != end ? row.End < end
            : row.Tag < tag;
    }

    /// <summary>
    /// <see cref="With"/> for the usual tag write, which leaves the same owners and the same themes in the snapshot: then
    /// their numbers stay as they are, and the new arrays are the old ones copied in blocks around the few passages that
    /// leave and come in, with no renumbering of themes or owners and no sorting (an article coming in or leaving only
    /// renumbers the articles as they are copied). Null when an owner or a theme comes in or leaves, or more than a few
    /// tags changed, and <see cref="With"/> copies passage by passage and numbers everything again.
    /// </summary>
    private AnalysisSnapshot? Spliced(IReadOnlySet<int> changedTags, IReadOnlyCollection<CodedPassage> passages,
        IReadOnlyDictionary<int, CodedArticle?> articles, IReadOnlyDictionary<string, string> taggerNames)
    {
        if (changedTags.Count > 64)
        {
            return null;
        }
        // The articles' table is shared when the write leaves it as it was; otherwise it is made again (tens of thousands
        // of articles, not a million passages) and each old passage's article renumbered as it is copied.
        var table = _table;
        int[]? moved = null;
        if (articles.Values.Any(a => a is null || !_table.Holds(a)))
        {
            var list = new List<CodedArticle>(_articles.Length + articles.Count);
            list.AddRange(_articles.Where(a => !articles.ContainsKey(a.Id)));
            list.AddRange(articles.Values.OfType<CodedArticle>());
            list.Sort(static (x, y) => x.Id.CompareTo(y.Id));
            table = ArticleTable.Of([.. list]);
            moved = new int[_articles.Length];
            for (var a = 0; a < moved.Length; a++)
            {
                moved[a] = Array.BinarySearch(table.Ids, _articles[a].Id);
            }
        }
        var ownerLeft = new int[_ownerIds.Length];
        var themeLeft = (int[])_themeUse.Clone();
        for (var o = 0; o < ownerLeft.Length; o++)
        {
            ownerLeft[o] = _ownerStart[o + 1] - _ownerStart[o];
        }
        // The passages leaving: each tag is at most one passage, found by a vectorised search of the tag numbers.
        var removed = new List<int>();
        foreach (var id in changedTags)
        {
            var p = Array.IndexOf(_tag, id);
            if (p >= 0)
            {
                removed.Add(p);
                ownerLeft[_owner[p]]--;
                for (var t = _themeStart[p]; t < _themeStart[p + 1]; t++)
                {
                    themeLeft[_themes[t]]--;
                }
            }
        }
        removed.Sort();
        if (moved is not null)
        {
            // An article leaves when none of its tags is left: every passage of it must be among those leaving.
            for (var a = 0; a < moved.Length; a++)
            {
                if (moved[a] < 0 && Run(a) is var (first, last) && Enumerable.Range(first, last - first).Any(p => removed.BinarySearch(p) < 0))
                {
                    return null;
                }
            }
        }
        var rows = new List<(int At, int Article, int Start, int End, int Tag, int Owner, bool IsPublic, int[] Themes)>();
        foreach (var passage in passages)
        {
            var at = Array.BinarySearch(table.Ids, passage.ArticleId);
            if (at < 0)
            {
                continue;
            }
            var by = Array.BinarySearch(_ownerIds, passage.OwnerId, StringComparer.Ordinal);
            if (by < 0)
            {
                return null;
            }
            var numbers = new List<int>();
            foreach (var id in passage.ThemeIds)
            {
                var theme = Array.BinarySearch(_themeIds, id);
                if (theme < 0)
                {
                    return null;
                }
                if (!numbers.Contains(theme))
                {
                    numbers.Add(theme);
                    themeLeft[theme]++;
                }
            }
            numbers.Sort();
            ownerLeft[by]++;
            rows.Add((Position(passage.ArticleId, passage.Start, passage.End, passage.TagId), at, passage.Start, passage.End, passage.TagId, by,
                passage.IsPublic, [.. numbers]));
        }
        if (ownerLeft.Any(n => n == 0) || themeLeft.Any(n => n == 0))
        {
            return null; // an owner or a theme leaves: the numbering changes
        }
        var names = TaggerNames;
        if (taggerNames.Any(n => TaggerNames.GetValueOrDefault(n.Key) is { } known && known != n.Value))
        {
            var merged = new Dictionary<string, string>(TaggerNames, StringComparer.Ordinal);
            foreach (var (id, name) in taggerNames.Where(n => merged.ContainsKey(n.Key)))
            {
                merged[id] = name;
            }
            names = merged;
        }
        rows.Sort(static (x, y) =>
            x.Article != y.Article ? x.Article.CompareTo(y.Article)
            : x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.End != y.End ? x.End.CompareTo(y.End)
            : x.Tag.CompareTo(y.Tag));

        var count = _tag.Length - removed.Count + rows.Count;
        var themeCount = _themes.Length + rows.Sum(r => r.Themes.Length);
        foreach (var p in removed)
        {
            themeCount -= _themeStart[p + 1] - _themeStart[p];
        }
        int[] tag = new int[count], article = new int[count], owner = new int[count], start = new int[count], end = new int[count];
        int[] themeStart = new int[count + 1], themes = new int[themeCount], themeIdsOf = new int[themeCount];
        var isPublic = new bool[count];
        int from = 0, q = 0, k = 0, r = 0, x = 0;
        while (true)
        {
            // Old passages up to the next one leaving or the next place a new one goes, in one block.
            var until = Math.Min(x < removed.Count ? removed[x] : _tag.Length, r < rows.Count ? rows[r].At : _tag.Length);
            var n = until - from;
            if (n > 0)
            {
                Array.Copy(_tag, from, tag, q, n);
                if (moved is null)
                {
                    Array.Copy(_article, from, article, q, n);
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        article[q + i] = moved[_article[from + i]];
                    }
                }
                Array.Copy(_owner, from, owner, q, n);
                Array.Copy(_start, from, start, q, n);
                Array.Copy(_end, from, end, q, n);
                Array.Copy(_public, from, isPublic, q, n);
                int first = _themeStart[from], length = _themeStart[until] - first;
                Array.Copy(_themes, first, themes, k, length);
                Array.Copy(_themeIdsOf, first, themeIdsOf, k, length);
                var shift = k - first;
                for (var i = 0; i < n; i++)
                {
                    themeStart[q + i] = _themeStart[from + i] + shift;
                }
                q += n;
                k += length;
                from = until;
            }
            for (; r < rows.Count && rows[r].At == until; r++)
            {
                var row = rows[r];
                (tag[q], article[q], owner[q], start[q], end[q], isPublic[q]) = (row.Tag, row.Article, row.Owner, row.Start, row.End, row.IsPublic);
                themeStart[q++] = k;
                foreach (var t in row.Themes)
                {
                    themeIdsOf[k] = _themeIds[t];
                    themes[k++] = t;
                }
            }
            if (x < removed.Count && removed[x] == until)
            {
                x++;
                from = until + 1;
            }
            else if (until == _tag.Length)
            {
                break;
            }
        }
        themeStart[count] = k;
        return new AnalysisSnapshot(table, tag, article, owner, start, end, isPublic, themeStart, themes, themeIdsOf, _themeIds, _ownerIds, names);
    }

    /// <summary>The passages of article number <paramref name="article"/>: [First, Last).</summary>
    private (int First, int Last) Run(int article)
    {
        static int LowerBound(int[] sorted, int value)
        {
            int low = 0, high = sorted.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (sorted[middle] < value)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low;
        }
        return (LowerBound(_article, article), LowerBound(_article, article + 1));
    }

    /// <summary>How many passages sort before (article, start, end, tag), the article by id (it may be new here): where a
    /// passage with these goes.</summary>
    private int Position(int articleId, int start, int end, int tag)
    {
        int low = 0, high = _tag.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var id = _table.Ids[_article[middle]];
            var before = id != articleId ? id < articleId
                : _start[middle] != start ? _start[middle] < start
                : _end[middle] != end ? _end[middle] < end
                : _tag[middle] < tag;
            if (before)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The articles a tag's passage was in, for the tags given that are in this snapshot.</summary>
    public IReadOnlySet<int> ArticlesOf(IReadOnlySet<int> tagIds)
    {
        ArgumentNullException.ThrowIfNull(tagIds);
        var found = new HashSet<int>();
        if (tagIds.Count <= 64)
        {
            // A tag write names a few tags: a vectorised search for each beats a set lookup per passage.
            foreach (var id in tagIds)
            {
                if (Array.IndexOf(_tag, id) is var p and >= 0)
                {
                    found.Add(_articles[_article[p]].Id);
                }
            }
            return found;
        }
        for (var p = 0; p < _tag.Length; p++)
        {
            if (tagIds.Contains(_tag[p]))
            {
                found.Add(_articles[_article[p]].Id);
            }
        }
        return found;
    }

    /// <summary>
    /// The snapshot of passages already sorted, numbered so that the same tags always give the same snapshot however it
    /// was reached (<see cref="Builder"/> or <see cref="With"/>): themes and owners used by no passage are dropped, the
    /// rest numbered in order of id, and each passage's themes listed in that order.
    /// </summary>
    private static AnalysisSnapshot Assemble(
        CodedArticle[] articles, int[] tag, int[] article, int[] owner, int[] start, int[] end, bool[] isPublic, int[] themeStart, int[] themes,
        int[] themeIds, string[] ownerIds, IReadOnlyDictionary<string, string> taggerNames)
    {
        var themeUsed = new bool[themeIds.Length];
        foreach (var t in themes)
        {
            themeUsed[t] = true;
        }
        var themeOrder = Enumerable.Range(0, themeIds.Length).Where(t => themeUsed[t]).OrderBy(t => themeIds[t]).ToArray();
        var themeNumber = new int[themeIds.Length];
        for (var i = 0; i < themeOrder.Length; i++)
        {
            themeNumber[themeOrder[i]] = i;
        }
        var canonicalThemeIds = Array.ConvertAll(themeOrder, t => themeIds[t]);
        for (var x = 0; x < themes.Length; x++)
        {
            themes[x] = themeNumber[themes[x]];
        }
        for (var p = 0; p < tag.Length; p++)
        {
            if (themeStart[p + 1] - themeStart[p] > 1)
            {
                Array.Sort(themes, themeStart[p], themeStart[p + 1] - themeStart[p]);
            }
        }
        var themeIdsOf = Array.ConvertAll(themes, t => canonicalThemeIds[t]);

        var ownerUsed = new bool[ownerIds.Length];
        foreach (var o in owner)
        {
            ownerUsed[o] = true;
        }
        var ownerOrder = Enumerable.Range(0, ownerIds.Length).Where(o => ownerUsed[o]).OrderBy(o => ownerIds[o], StringComparer.Ordinal).ToArray();
        var ownerNumber = new int[ownerIds.Length];
        for (var i = 0; i < ownerOrder.Length; i++)
        {
            ownerNumber[ownerOrder[i]] = i;
        }
        for (var p = 0; p < owner.Length; p++)
        {
            owner[p] = ownerNumber[owner[p]];
        }

        return new AnalysisSnapshot(ArticleTable.Of(articles), tag, article, owner, start, end, isPublic, themeStart, themes, themeIdsOf,
            canonicalThemeIds, Array.ConvertAll(ownerOrder, o => ownerIds[o]), taggerNames);
    }

    /// <summary>The tagged articles in order of id, and what a matrix needs of each by number: its month and its distinct authors.</summary>
    private sealed class ArticleTable
    {
        private ArticleTable(CodedArticle[] articles)
        {
            Articles = articles;
            Ids = Array.ConvertAll(articles, a => a.Id);
            ById = articles.ToDictionary(a => a.Id);
            var authorIndex = new Dictionary<int, int>();
            var authorIds = new List<int>();
            var authorsOf = new List<int>();
            AuthorStart = new int[articles.Length + 1];
            Month = new int[articles.Length];
            for (var a = 0; a < articles.Length; a++)
            {
                AuthorStart[a] = authorsOf.Count;
                foreach (var id in articles[a].AuthorIds)
                {
                    if (!authorIndex.TryGetValue(id, out var author))
                    {
                        author = authorIds.Count;
                        authorIndex[id] = author;
                        authorIds.Add(id);
                    }
                    if (authorsOf.IndexOf(author, AuthorStart[a]) < 0)
                    {
                        authorsOf.Add(author);
                    }
                }
                Month[a] = articles[a].Published is { } published ? MonthNumber(published) : -1;
            }
            AuthorStart[articles.Length] = authorsOf.Count;
            AuthorsOf = [.. authorsOf];
            AuthorIds = [.. authorIds];
            int first = int.MaxValue, last = -1;
            foreach (var month in Month)
            {
                if (month >= 0)
                {
                    first = Math.Min(first, month);
                    last = Math.Max(last, month);
                }
            }
            FirstMonth = last < 0 ? 0 : first;
            MonthCount = last < 0 ? 0 : last - first + 1;
        }

        public CodedArticle[] Articles { get; }

        public int[] Ids { get; }

        public IReadOnlyDictionary<int, CodedArticle> ById { get; }

        public int[] Month { get; }

        public int[] AuthorStart { get; }

        public int[] AuthorsOf { get; }

        public int[] AuthorIds { get; }

        public int FirstMonth { get; }

        public int MonthCount { get; }

        public static ArticleTable Of(CodedArticle[] articles) => new(articles);

        /// <summary>Whether <paramref name="article"/> is one of these, with the same date and authors: a tag write then leaves the table as it is.</summary>
        public bool Holds(CodedArticle article)
        {
            var at = Array.BinarySearch(Ids, article.Id);
            if (at < 0)
            {
                return false;
            }
            var known = Articles[at];
            return ReferenceEquals(known, article)
                || (known.Published == article.Published && known.AuthorIds.SequenceEqual(article.AuthorIds));
        }
    }

    /// <summary>Results already computed from this snapshot, by what was asked (<see cref="AnalysisFilter.Key"/> and the
    /// matrix): a snapshot never changes, so a result stays true for as long as the snapshot is the current one.</summary>
    private readonly ConcurrentDictionary<string, Result> _results = new(StringComparer.Ordinal);

    /// <summary>A result, how to compute it again on another snapshot, and when it was last asked for.</summary>
    private sealed class Result(AnalysisSnapshot snapshot, Func<AnalysisSnapshot, object> compute)
    {
        public Lazy<object> Value { get; } = new(() => compute(snapshot), LazyThreadSafetyMode.ExecutionAndPublication);

        public Func<AnalysisSnapshot, object> Compute { get; } = compute;

        public long LastAsked { get; set; } = Environment.TickCount64;
    }

    /// <summary>Kept results at most; past this the oldest are not told apart and all are dropped (filters vary little).</summary>
    private const int MaxResults = 256;

    public T Remember<T>(string key, Func<AnalysisSnapshot, T> compute) where T : class
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (_results.Count >= MaxResults)
        {
            _results.Clear();
        }
        var result = _results.GetOrAdd(key, _ => new Result(this, s => compute(s)));
        result.LastAsked = Environment.TickCount64;
        return (T)result.Value.Value;
    }

    /// <summary>
    /// Computes here the results last asked of <paramref name="previous"/> (at most <paramref name="count"/>, asked in
    /// the last <paramref name="within"/>), so that after a tag is written the next reader of a page often asked for
    /// finds its matrices ready instead of walking a million passages. Stops early once <paramref name="superseded"/>
    /// says this snapshot is about to be replaced (another write came), as its results would go unused.
    /// </summary>
    public void WarmFrom(AnalysisSnapshot previous, int count, TimeSpan within, Func<bool> superseded)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(superseded);
        var since = Environment.TickCount64 - (long)within.TotalMilliseconds;
        foreach (var (key, result) in previous._results.Where(r => r.Value.LastAsked >= since).OrderByDescending(r => r.Value.LastAsked).Take(count).ToList())
        {
            if (superseded())
            {
                return;
            }
            var here = _results.GetOrAdd(key, _ => new Result(this, result.Compute));
            here.LastAsked = result.LastAsked;
            _ = here.Value.Value;
        }
    }

    /// <summary>Passage numbers grouped by owner (a counting sort: each owner's in passage order), and where each owner's begin.</summary>
    private static (int[] Start, int[] Passages) IndexByOwner(int[] owner, int owners)
    {
        var start = new int[owners + 1];
        foreach (var o in owner)
        {
            start[o + 1]++;
        }
        for (var o = 0; o < owners; o++)
        {
            start[o + 1] += start[o];
        }
        var next = start[..^1];
        var passages = new int[owner.Length];
        for (var p = 0; p < owner.Length; p++)
        {
            passages[next[owner[p]]++] = p;
        }
        return (start, passages);
    }

    private static int Pair(int a, int b, int themes) => a <= b ? (a * themes) + b : (b * themes) + a;

    private static int MonthNumber(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static DateOnly MonthDate(int month) => new(month / 12, (month % 12) + 1, 1);

    private CodedPassage Passage(int p) => new(_tag[p], _articles[_article[p]].Id, _ownerIds[_owner[p]], _start[p], _end[p], _public[p],
        new ArraySegment<int>(_themeIdsOf, _themeStart[p], _themeStart[p + 1] - _themeStart[p]));

    private CompiledFilter Compile(AnalysisFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var article = new bool[_articles.Length];
        for (var a = 0; a < article.Length; a++)
        {
            article[a] = filter.Includes(_articles[a]);
        }
        var theme = new bool[_themeIds.Length];
        for (var t = 0; t < theme.Length; t++)
        {
            theme[t] = filter.ThemeIds is null || filter.ThemeIds.Contains(_themeIds[t]);
        }
        var viewer = filter.Taggers == TaggerScope.Mine ? Array.IndexOf(_ownerIds, filter.ViewerId) : -1;
        return new CompiledFilter(this, article, theme, filter.Taggers == TaggerScope.Mine, viewer);
    }

    /// <summary>A filter turned into lookups by number: which articles and themes count, and whose tags.</summary>
    private sealed class CompiledFilter(AnalysisSnapshot snapshot, bool[] article, bool[] theme, bool mine, int viewer)
    {
        public bool[] Theme { get; } = theme;

        public bool Counts(int p) =>
            article[snapshot._article[p]] && (mine ? viewer >= 0 && snapshot._owner[p] == viewer : snapshot._public[p]);
    }

    /// <summary>Passages and distinct articles per cell; articles arrive in order, so a new article is a change from the last.</summary>
    private sealed class Tally(int cells)
    {
        public int[] Passages { get; } = new int[cells];

        private readonly int[] _articles = new int[cells];
        private readonly int[] _last = NewLast(cells);

        private static int[] NewLast(int cells)
        {
            var last = new int[cells];
            Array.Fill(last, -1);
            return last;
        }

        public void Add(int cell, int article)
        {
            Passages[cell]++;
            if (_last[cell] != article)
            {
                _last[cell] = article;
                _articles[cell]++;
            }
        }

        public CellCount Cell(int cell) => new(Passages[cell], _articles[cell]);
    }

    private sealed class PassageList(AnalysisSnapshot snapshot) : IReadOnlyList<CodedPassage>
    {
        public CodedPassage this[int index] => snapshot.Passage(index);

        public int Count => snapshot._tag.Length;

        public IEnumerator<CodedPassage> GetEnumerator()
        {
            for (var p = 0; p < Count; p++)
            {
                yield return snapshot.Passage(p);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Collects passages row by row (as they come from the store, in any order) and sorts them once.</summary>
    public sealed class Builder
    {
        private readonly CodedArticle[] _articles;
        private readonly Dictionary<int, int> _articleIndex;
        private readonly Dictionary<int, int> _themeIndex = [];
        private readonly List<int> _themeIds = [];
        private readonly Dictionary<string, int> _ownerIndex = new(StringComparer.Ordinal);
        private readonly List<string> _ownerIds = [];
        private readonly List<Row> _rows = [];
        private readonly List<int> _themes = [];

        private readonly record struct Row(int Article, int Start, int End, int Tag, int Owner, bool IsPublic, int FirstTheme, int Themes);

        public Builder(IEnumerable<CodedArticle> articles)
        {
            _articles = [.. articles.OrderBy(a => a.Id)];
            _articleIndex = new Dictionary<int, int>(_articles.Length);
            for (var a = 0; a < _articles.Length; a++)
            {
                _articleIndex[_articles[a].Id] = a;
            }
        }

        /// <summary>Adds a passage; false (and nothing added) when its article is not one of the snapshot's.</summary>
        public bool Add(int tagId, int articleId, string ownerId, int start, int end, bool isPublic, IEnumerable<int> themeIds)
        {
            ArgumentNullException.ThrowIfNull(ownerId);
            ArgumentNullException.ThrowIfNull(themeIds);
            if (!_articleIndex.TryGetValue(articleId, out var article))
            {
                return false;
            }
            if (!_ownerIndex.TryGetValue(ownerId, out var owner))
            {
                owner = _ownerIds.Count;
                _ownerIndex[ownerId] = owner;
                _ownerIds.Add(ownerId);
            }
            _rows.Add(new Row(article, start, end, tagId, owner, isPublic, _themes.Count, 0));
            foreach (var id in themeIds)
            {
                AddTheme(id);
            }
            return true;
        }

        /// <summary>Gives the passage added last one more theme (once, however often it is given).</summary>
        public void AddTheme(int themeId)
        {
            var row = _rows[^1];
            if (!_themeIndex.TryGetValue(themeId, out var theme))
            {
                theme = _themeIds.Count;
                _themeIndex[themeId] = theme;
                _themeIds.Add(themeId);
            }
            for (var k = row.FirstTheme; k < _themes.Count; k++)
            {
                if (_themes[k] == theme)
                {
                    return;
                }
            }
            _themes.Add(theme);
            _rows[^1] = row with { Themes = row.Themes + 1 };
        }

        public AnalysisSnapshot Build(IReadOnlyDictionary<string, string> taggerNames)
        {
            ArgumentNullException.ThrowIfNull(taggerNames);
            var rows = _rows.ToArray();
            _rows.Clear();
            Array.Sort(rows, static (x, y) =>
                x.Article != y.Article ? x.Article.CompareTo(y.Article)
                : x.Start != y.Start ? x.Start.CompareTo(y.Start)
                : x.End != y.End ? x.End.CompareTo(y.End)
                : x.Tag.CompareTo(y.Tag));
            var n = rows.Length;
            int[] tag = new int[n], article = new int[n], owner = new int[n], start = new int[n], end = new int[n], themeStart = new int[n + 1];
            var isPublic = new bool[n];
            var themes = new int[_themes.Count];
            var k = 0;
            for (var p = 0; p < n; p++)
            {
                var row = rows[p];
                (tag[p], article[p], owner[p], start[p], end[p], isPublic[p]) = (row.Tag, row.Article, row.Owner, row.Start, row.End, row.IsPublic);
                themeStart[p] = k;
                for (var i = 0; i < row.Themes; i++, k++)
                {
                    themes[k] = _themes[row.FirstTheme + i];
                }
            }
            themeStart[n] = k;
            return Assemble(_articles, tag, article, owner, start, end, isPublic, themeStart, themes, [.. _themeIds], [.. _ownerIds], taggerNames);
        }
    }
}

/// <summary>What one walk over the passages gives: themes × authors, themes × months with the months to show,
/// and the passages counted (with at least one counted theme), how many of them in undated articles.</summary>
public sealed record ThemeCounts(CrossTab<int> ByAuthor, CrossTab<string> ByMonth, IReadOnlyList<DateOnly> Months, int Counted, int Undated);
