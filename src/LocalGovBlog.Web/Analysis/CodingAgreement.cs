namespace LocalGovBlog.Web.Analysis;

/// <summary>
/// How two coders' coding of one theme agrees, counted over characters as NVivo's coding comparison
/// does: every character of the compared text is a unit that each coder either coded or did not.
/// </summary>
/// <param name="Characters">Characters compared (the whole text of every compared article).</param>
/// <param name="Both">Characters both coders coded.</param>
/// <param name="OnlyA">Characters only the first coder coded.</param>
/// <param name="OnlyB">Characters only the second coder coded.</param>
public readonly record struct AgreementFigures(long Characters, long Both, long OnlyA, long OnlyB)
{
    public long Neither => Characters - Both - OnlyA - OnlyB;

    /// <summary>Per cent of characters on which the coders agree (both coded, or neither did); null with no text.</summary>
    public double? Agreement => Characters == 0 ? null : 100.0 * (Both + Neither) / Characters;

    /// <summary>
    /// Cohen's kappa, (Po − Pe) / (1 − Pe), where Po is the share of characters agreed on and Pe the agreement
    /// expected by chance from each coder's share of coded characters. When chance agreement is already total
    /// (both coded everything, or neither coded anything) the coders cannot disagree and kappa is 1, as NVivo reports.
    /// Null with no text.
    /// </summary>
    public double? Kappa
    {
        get
        {
            if (Characters == 0)
            {
                return null;
            }
            double total = Characters;
            var observed = (Both + Neither) / total;
            var a = (Both + OnlyA) / total;
            var b = (Both + OnlyB) / total;
            var expected = a * b + (1 - a) * (1 - b);
            return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
        }
    }

    public static AgreementFigures operator +(AgreementFigures x, AgreementFigures y) =>
        new(x.Characters + y.Characters, x.Both + y.Both, x.OnlyA + y.OnlyA, x.OnlyB + y.OnlyB);

    public AgreementFigures Add(AgreementFigures other) => this + other;

    /// <summary>One text of <paramref name="length"/> characters, each coder's coded ranges (end exclusive, may overlap).</summary>
    public static AgreementFigures Of(int length, IEnumerable<(int Start, int End)> a, IEnumerable<(int Start, int End)> b)
    {
        var first = Union(a, length);
        var second = Union(b, length);
        long codedA = first.Sum(r => (long)(r.End - r.Start));
        long codedB = second.Sum(r => (long)(r.End - r.Start));
        long both = Intersection(first, second);
        return new AgreementFigures(length, both, codedA - both, codedB - both);
    }

    /// <summary>The ranges merged into disjoint, sorted ranges inside [0, length).</summary>
    public static List<(int Start, int End)> Union(IEnumerable<(int Start, int End)> ranges, int length)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in ranges.Select(r => (Math.Clamp(r.Start, 0, length), Math.Clamp(r.End, 0, length)))
                     .Where(r => r.Item1 < r.Item2).OrderBy(r => r.Item1))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }
        return merged;
    }

    private static long Intersection(List<(int Start, int End)> first, List<(int Start, int End)> second)
    {
        long shared = 0;
        for (int i = 0, j = 0; i < first.Count && j < second.Count;)
        {
            var start = Math.Max(first[i].Start, second[j].Start);
            var end = Math.Min(first[i].End, second[j].End);
            if (start < end)
            {
                shared += end - start;
            }
            if (first[i].End < second[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }
}
