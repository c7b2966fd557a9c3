using System.Globalization;
using System.Text;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>One matcher's verdicts on one case's tags.</summary>
public sealed record JudgedTag(AccuracyCase Case, AccuracyTag Tag, (int Start, int End)? Landed, Verdict Verdict, bool Threw);

/// <summary>Runs re-anchoring over the corpus and counts verdicts per edit kind.</summary>
public static class AccuracyRun
{
    /// <summary>Our re-anchoring: one <see cref="PassageAnchor"/> per edited article, as the importer does.</summary>
    public static IReadOnlyList<JudgedTag> Ours(IEnumerable<AccuracyCase> cases) =>
        Judge(cases, c =>
        {
            var anchor = new PassageAnchor(c.OldText, c.NewText);
            return selector => anchor.Reanchor(selector).Selector is { } moved ? (moved.Start, moved.End) : null;
        });

    /// <summary>The Hypothesis client's matcher on the new text alone.</summary>
    public static IReadOnlyList<JudgedTag> Hypothesis(IEnumerable<AccuracyCase> cases) =>
        Judge(cases, c => selector => HypothesisMatcher.Anchor(c.NewText, selector));

    public static IReadOnlyList<JudgedTag> Judge(IEnumerable<AccuracyCase> cases, Func<AccuracyCase, Func<PassageSelector, (int Start, int End)?>> matcherFor)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(matcherFor);
        var judged = new List<JudgedTag>();
        foreach (var c in cases)
        {
            Func<PassageSelector, (int Start, int End)?>? match = null;
            foreach (var tag in c.Tags)
            {
                (int Start, int End)? landed;
                var threw = false;
                try
                {
                    match ??= matcherFor(c);
                    landed = match(tag.Selector);
                }
#pragma warning disable CA1031 // a matcher that throws is scored as an orphan and counted, not allowed to stop the run
                catch (Exception)
#pragma warning restore CA1031
                {
                    landed = null;
                    threw = true;
                }
                judged.Add(new JudgedTag(c, tag, landed, Accuracy.Judge.Of(tag.Expected, c.NewText, landed), threw));
            }
        }
        return judged;
    }

    public static string Table(IReadOnlyList<JudgedTag> ours, IReadOnlyList<JudgedTag> hypothesis)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(hypothesis);
        var table = new StringBuilder();
        table.AppendLine("| edit kind | tags | to orphan | ours: correct | wrong words | false orphan | kept after deletion | Hypothesis: correct | wrong words | false orphan | kept after deletion |");
        table.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in ours.Select(j => j.Case.EditKind).Distinct())
        {
            Row(table, kind, [.. ours.Where(j => j.Case.EditKind == kind)], [.. hypothesis.Where(j => j.Case.EditKind == kind)]);
        }
        Row(table, "**all**", ours, hypothesis);
        var threw = ours.Count(j => j.Threw);
        if (threw > 0)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"\n{threw} tags made our re-anchoring throw (scored as orphans).");
        }
        return table.ToString();
    }

    private static void Row(StringBuilder table, string kind, IReadOnlyList<JudgedTag> ours, IReadOnlyList<JudgedTag> hypothesis)
    {
        string Count(IReadOnlyList<JudgedTag> judged, Verdict verdict) => judged.Count(j => j.Verdict == verdict).ToString(CultureInfo.InvariantCulture);
        string Correct(IReadOnlyList<JudgedTag> judged) =>
            string.Create(CultureInfo.InvariantCulture, $"{judged.Count(j => j.Verdict == Verdict.Correct)} ({100.0 * judged.Count(j => j.Verdict == Verdict.Correct) / Math.Max(1, judged.Count):0.0}%)");
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {kind} | {ours.Count} | {ours.Count(j => !j.Tag.Expected.Survives)} | {Correct(ours)} | {Count(ours, Verdict.WrongWords)} | {Count(ours, Verdict.FalseOrphan)} | {Count(ours, Verdict.KeptAfterDeletion)} "
            + $"| {Correct(hypothesis)} | {Count(hypothesis, Verdict.WrongWords)} | {Count(hypothesis, Verdict.FalseOrphan)} | {Count(hypothesis, Verdict.KeptAfterDeletion)} |");
    }

    /// <summary>Every tag that was not placed correctly, with what was expected and what happened.</summary>
    public static string Misses(IReadOnlyList<JudgedTag> judged, string matcher)
    {
        ArgumentNullException.ThrowIfNull(judged);
        var text = new StringBuilder();
        foreach (var miss in judged.Where(j => j.Verdict != Verdict.Correct))
        {
            var (c, tag) = (miss.Case, miss.Tag);
            var expected = tag.Expected.Survives ? Quote(c.NewText[tag.Expected.CoreStart..tag.Expected.CoreEnd]) : "(orphan)";
            var landed = miss.Landed is { } l ? Quote(c.NewText[l.Start..l.End]) + $" at {l.Start}" : "(orphan)";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{matcher} · {c.EditKind} #{c.Number} · {tag.Shape} · {miss.Verdict}{(miss.Threw ? " (threw)" : "")} · survived {tag.Expected.SurvivingShare:P0}\n"
                + $"    tagged:   {Quote(tag.Selector.Exact)} at {tag.Selector.Start}\n    expected: {expected}\n    landed:   {landed}");
        }
        return text.ToString();
    }

    private static string Quote(string text) =>
        "\"" + (text.Length <= 160 ? text : text[..70] + " … " + text[^70..]).Replace("\n", "⏎", StringComparison.Ordinal) + "\"";
}
