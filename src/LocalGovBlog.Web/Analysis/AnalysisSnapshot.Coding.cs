namespace LocalGovBlog.Web.Analysis;

/// <summary>A coding comparison's outcome: per theme (in the order asked), the figures over every compared article, and
/// the first disagreements, article by article in order of id and theme by theme in the order asked.</summary>
public sealed record CodingOutcome(IReadOnlyList<(int ThemeId, AgreementFigures Overall)> Themes, IReadOnlyList<Disagreement> Disagreements);

public sealed partial class AnalysisSnapshot
{
    /// <summary>
    /// The two sides of a coding comparison: <paramref name="coderA"/>'s passages, and <paramref name="coderB"/>'s (or,
    /// when null, every other tagger's), counting only tags <paramref name="viewerId"/> may see in articles
    /// <paramref name="filter"/> includes (its themes and tagger scope aside: the comparison names its own). Two taggers
    /// cost their own passages, found through the index by owner, not a walk over everyone's.
    /// </summary>
    public CodingSides Coding(string coderA, string? coderB, AnalysisFilter filter, string? viewerId)
    {
        ArgumentNullException.ThrowIfNull(coderA);
        ArgumentNullException.ThrowIfNull(filter);
        var included = new sbyte[_articles.Length]; // 0 not yet asked, 1 included, -1 not
        var viewer = viewerId is null ? -1 : Array.IndexOf(_ownerIds, viewerId);
        bool Counts(int p)
        {
            if (!_public[p] && (viewer < 0 || _owner[p] != viewer))
            {
                return false;
            }
            ref var known = ref included[_article[p]];
            if (known == 0)
            {
                known = filter.Includes(_articles[_article[p]]) ? (sbyte)1 : (sbyte)-1;
            }
            return known > 0;
        }
        int[] Of(int owner)
        {
            if (owner < 0)
            {
                return [];
            }
            var found = new List<int>(_ownerStart[owner + 1] - _ownerStart[owner]);
            for (var i = _ownerStart[owner]; i < _ownerStart[owner + 1]; i++)
            {
                if (Counts(_byOwner[i]))
                {
                    found.Add(_byOwner[i]);
                }
            }
            return [.. found];
        }
        var a = Array.IndexOf(_ownerIds, coderA);
        if (coderB is not null)
        {
            return new CodingSides(this, Of(a), Of(Array.IndexOf(_ownerIds, coderB)));
        }
        var others = new List<int>(_tag.Length - (a < 0 ? 0 : _ownerStart[a + 1] - _ownerStart[a]));
        for (var p = 0; p < _tag.Length; p++)
        {
            if (_owner[p] != a && Counts(p))
            {
                others.Add(p);
            }
        }
        return new CodingSides(this, Of(a), [.. others]);
    }

    /// <summary>
    /// Both sides of a coding comparison as passage numbers in (article, start, end, tag) order, compared straight from the
    /// snapshot's arrays: one tagger against everyone else is most of a million passages, and making each an object and
    /// grouping them in dictionaries of lists took seconds. Only the passages of the disagreements listed become objects.
    /// <see cref="CodingComparison"/> is the same comparison over objects, written for reading; the two must agree.
    /// </summary>
    public sealed class CodingSides
    {
        private readonly AnalysisSnapshot _snapshot;
        private readonly int[] _a;
        private readonly int[] _b;

        internal CodingSides(AnalysisSnapshot snapshot, int[] a, int[] b) => (_snapshot, _a, _b) = (snapshot, a, b);

        /// <summary>Side A as objects, in passage order (the comparison itself never needs them all).</summary>
        public IReadOnlyList<CodedPassage> PassagesA => Array.ConvertAll(_a, _snapshot.Passage);

        /// <summary>Side B as objects, in passage order.</summary>
        public IReadOnlyList<CodedPassage> PassagesB => Array.ConvertAll(_b, _snapshot.Passage);

        /// <summary>The articles (ids, ascending) where a passage of either side carries one of <paramref name="themeIds"/>.</summary>
        public int[] ArticlesWith(IReadOnlyCollection<int> themeIds)
        {
            ArgumentNullException.ThrowIfNull(themeIds);
            var s = _snapshot;
            var wanted = Array.ConvertAll(s._themeIds, themeIds.Contains);
            var coded = new bool[s._articles.Length];
            foreach (var side in new[] { _a, _b })
            {
                foreach (var p in side)
                {
                    for (var k = s._themeStart[p]; k < s._themeStart[p + 1]; k++)
                    {
                        if (wanted[s._themes[k]])
                        {
                            coded[s._article[p]] = true;
                            break;
                        }
                    }
                }
            }
            var ids = new List<int>();
            for (var x = 0; x < coded.Length; x++)
            {
                if (coded[x])
                {
                    ids.Add(s._articles[x].Id);
                }
            }
            return [.. ids];
        }

        /// <summary>
        /// Per theme, agreement over the characters of every article in <paramref name="articleLengths"/> (id → length of
        /// its text in UTF-16 code units), and each side's passages with the theme that the other did not code in full, in
        /// the first <paramref name="max"/> articles and themes where they part. <paramref name="themeIds"/> are distinct, as a
        /// codebook's are.
        /// </summary>
        public CodingOutcome Compare(IReadOnlyDictionary<int, int> articleLengths, IReadOnlyList<int> themeIds, int max)
        {
            ArgumentNullException.ThrowIfNull(articleLengths);
            ArgumentNullException.ThrowIfNull(themeIds);
            var s = _snapshot;
            var themes = themeIds.Count;
            // Dense theme number → its place in themeIds (-1: not compared).
            var place = new int[s._themeIds.Length];
            Array.Fill(place, -1);
            for (var i = themes - 1; i >= 0; i--)
            {
                var dense = Array.IndexOf(s._themeIds, themeIds[i]);
                if (dense >= 0)
                {
                    place[dense] = i;
                }
            }
            // Article number → length of its text; -1 for an article not compared.
            var lengthOf = new int[s._articles.Length];
            Array.Fill(lengthOf, -1);
            long characters = 0;
            foreach (var (id, length) in articleLengths)
            {
                characters += length;
                var x = Array.BinarySearch(s._table.Ids, id);
                if (x >= 0)
                {
                    lengthOf[x] = length;
                }
            }

            var work = new Work(s, place, themeIds);
            var found = new List<Disagreement>();
            for (int i = 0, j = 0; i < _a.Length || j < _b.Length;)
            {
                var article = Math.Min(i < _a.Length ? s._article[_a[i]] : int.MaxValue, j < _b.Length ? s._article[_b[j]] : int.MaxValue);
                var endA = i;
                while (endA < _a.Length && s._article[_a[endA]] == article)
                {
                    endA++;
                }
                var endB = j;
                while (endB < _b.Length && s._article[_b[endB]] == article)
                {
                    endB++;
                }
                if (lengthOf[article] >= 0)
                {
                    work.Article(s._articles[article].Id, lengthOf[article], _a.AsSpan(i..endA), _b.AsSpan(j..endB), found, max);
                }
                (i, j) = (endA, endB);
            }
            return new CodingOutcome(
                [.. themeIds.Select((theme, t) => (theme, new AgreementFigures(characters, work.Both[t], work.CodedA[t] - work.Both[t], work.CodedB[t] - work.Both[t])))],
                found);
        }

        /// <summary>One article at a time: each side's passages bucketed by theme (a counting sort, in passage order), each
        /// bucket's ranges merged, and the characters coded by each side and by both added up per theme.</summary>
        private sealed class Work(AnalysisSnapshot s, int[] place, IReadOnlyList<int> themeIds)
        {
            private readonly int _themes = themeIds.Count;

            public long[] CodedA { get; } = new long[themeIds.Count];

            public long[] CodedB { get; } = new long[themeIds.Count];

            public long[] Both { get; } = new long[themeIds.Count];

            private readonly Buckets _a = new(s, place, themeIds.Count);
            private readonly Buckets _b = new(s, place, themeIds.Count);
            private int[] _mergedA = new int[16];
            private int[] _mergedB = new int[16];

            /// <summary>Adds one article's figures, and its disagreements to <paramref name="found"/> while it holds fewer than <paramref name="max"/>.</summary>
            public void Article(int articleId, int length, ReadOnlySpan<int> a, ReadOnlySpan<int> b, List<Disagreement> found, int max)
            {
                _a.Fill(a);
                _b.Fill(b);
                for (var t = 0; t < _themes; t++)
                {
                    var mineA = _a.Of(t);
                    var mineB = _b.Of(t);
                    if (mineA.IsEmpty && mineB.IsEmpty)
                    {
                        continue;
                    }
                    var rangesA = Merge(mineA, length, ref _mergedA, out var codedA);
                    var rangesB = Merge(mineB, length, ref _mergedB, out var codedB);
                    var both = Intersection(_mergedA.AsSpan(0, rangesA * 2), _mergedB.AsSpan(0, rangesB * 2));
                    CodedA[t] += codedA;
                    CodedB[t] += codedB;
                    Both[t] += both;
                    if (found.Count < max)
                    {
                        var onlyA = Uncovered(mineA, _mergedB.AsSpan(0, rangesB * 2));
                        var onlyB = Uncovered(mineB, _mergedA.AsSpan(0, rangesA * 2));
                        if (onlyA.Count > 0 || onlyB.Count > 0)
                        {
                            found.Add(new Disagreement(themeIds[t], articleId, onlyA, onlyB));
                        }
                    }
                }
            }

            /// <summary>The passages' ranges, clipped to the text and merged where they overlap or touch, as (start, end)
            /// pairs into <paramref name="merged"/>; the passages come in order of start, so one pass merges them.</summary>
            private int Merge(ReadOnlySpan<int> passages, int length, ref int[] merged, out long covered)
            {
                var count = 0;
                covered = 0;
                foreach (var p in passages)
                {
                    var (start, end) = (Math.Clamp(s._start[p], 0, length), Math.Clamp(s._end[p], 0, length));
                    if (start >= end)
                    {
                        continue;
                    }
                    if (count > 0 && start <= merged[(count * 2) - 1])
                    {
                        if (end > merged[(count * 2) - 1])
                        {
                            covered += end - merged[(count * 2) - 1];
                            merged[(count * 2) - 1] = end;
                        }
                        continue;
                    }
                    if (merged.Length < (count + 1) * 2)
                    {
                        Array.Resize(ref merged, merged.Length * 2);
                    }
                    (merged[count * 2], merged[(count * 2) + 1]) = (start, end);
                    covered += end - start;
                    count++;
                }
                return count;
            }

            private static long Intersection(ReadOnlySpan<int> first, ReadOnlySpan<int> second)
            {
                long shared = 0;
                for (int i = 0, j = 0; i < first.Length && j < second.Length;)
                {
                    var start = Math.Max(first[i], second[j]);
                    var end = Math.Min(first[i + 1], second[j + 1]);
                    if (start < end)
                    {
                        shared += end - start;
                    }
                    if (first[i + 1] < second[j + 1])
                    {
                        i += 2;
                    }
                    else
                    {
                        j += 2;
                    }
                }
                return shared;
            }

            /// <summary>The passages no one merged range holds whole (an empty passage counts as held), as objects: only the
            /// disagreements listed come here. Passages and ranges are both in order of start, so one pass finds, for each
            /// passage, the last range starting at or before it: the only one that can hold it.</summary>
            private List<CodedPassage> Uncovered(ReadOnlySpan<int> passages, ReadOnlySpan<int> merged)
            {
                var uncovered = new List<CodedPassage>();
                var r = -2;
                foreach (var p in passages)
                {
                    var (start, end) = (s._start[p], s._end[p]);
                    if (start >= end)
                    {
                        continue;
                    }
                    while (r + 2 < merged.Length && merged[r + 2] <= start)
                    {
                        r += 2;
                    }
                    if (r < 0 || end > merged[r + 1])
                    {
                        uncovered.Add(s.Passage(p));
                    }
                }
                return uncovered;
            }
        }

        /// <summary>One side's passages in one article, grouped by the place of each of their themes among those compared.</summary>
        private sealed class Buckets(AnalysisSnapshot s, int[] place, int themes)
        {
            private readonly int[] _start = new int[themes + 1];
            private readonly int[] _next = new int[themes];
            private int[] _passages = new int[64];

            public ReadOnlySpan<int> Of(int theme) => _passages.AsSpan(_start[theme], _start[theme + 1] - _start[theme]);

            public void Fill(ReadOnlySpan<int> passages)
            {
                Array.Clear(_start);
                var total = 0;
                foreach (var p in passages)
                {
                    for (var k = s._themeStart[p]; k < s._themeStart[p + 1]; k++)
                    {
                        if (place[s._themes[k]] is var t and >= 0)
                        {
                            _start[t + 1]++;
                            total++;
                        }
                    }
                }
                if (_passages.Length < total)
                {
                    _passages = new int[Math.Max(total, _passages.Length * 2)];
                }
                for (var t = 0; t < themes; t++)
                {
                    _start[t + 1] += _start[t];
                }
                // Each bucket in passage order, so in order of start.
                var next = _next;
                Array.Copy(_start, next, themes);
                foreach (var p in passages)
                {
                    for (var k = s._themeStart[p]; k < s._themeStart[p + 1]; k++)
                    {
                        if (place[s._themes[k]] is var t and >= 0)
                        {
                            _passages[next[t]++] = p;
                        }
                    }
                }
            }
        }
    }
}
