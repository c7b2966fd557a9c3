using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>
/// The Hypothesis client's anchoring of a text passage, written from its published description
/// (hypothesis/client, src/annotator/anchoring: html.ts and match-quote.ts, on approx-string-match):
/// <list type="number">
/// <item>the position selector, kept if the text there equals the quote exactly;</item>
/// <item>otherwise every lowest-error approximate match of the quote allowing up to
/// min(256, length / 2) errors (all exact matches when there are any), each scored
/// (50 × quote similarity + 20 × prefix similarity + 20 × suffix similarity + 2 × nearness to
/// the old start) / 92, and the best taken, however low: there is no floor;</item>
/// <item>no match within the error limit: an orphan.</item>
/// </list>
/// It has only the new text and the selectors: it never sees the old text.
/// </summary>
public static class HypothesisMatcher
{
    private const double QuoteWeight = 50;
    private const double PrefixWeight = 20;
    private const double SuffixWeight = 20;
    private const double PositionWeight = 2;

    public static (int Start, int End)? Anchor(string text, PassageSelector selector)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.Start >= 0 && selector.End <= text.Length && selector.Start <= selector.End
            && string.CompareOrdinal(text, selector.Start, selector.Exact, 0, selector.End - selector.Start) == 0
            && selector.End - selector.Start == selector.Exact.Length)
        {
            return (selector.Start, selector.End);
        }
        return MatchQuote(text, selector.Exact, selector.Prefix, selector.Suffix, selector.Start);
    }

    public static (int Start, int End)? MatchQuote(string text, string quote, string prefix, string suffix, int hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Length == 0)
        {
            return null;
        }
        var maxErrors = Math.Min(256, quote.Length / 2.0);
        var matches = Search(text, quote, maxErrors);
        if (matches.Count == 0)
        {
            return null;
        }
        (int Start, int End)? best = null;
        var bestScore = double.MinValue;
        foreach (var match in matches)
        {
            var quoteScore = 1 - match.Errors / (double)quote.Length;
            var prefixScore = prefix.Length > 0
                ? TextMatchScore(text[Math.Max(0, match.Start - prefix.Length)..match.Start], prefix)
                : 1.0;
            var suffixScore = suffix.Length > 0
                ? TextMatchScore(text[match.End..Math.Min(text.Length, match.End + suffix.Length)], suffix)
                : 1.0;
            var positionScore = 1.0 - Math.Abs(match.Start - hint) / (double)text.Length;
            var score = (QuoteWeight * quoteScore + PrefixWeight * prefixScore + SuffixWeight * suffixScore + PositionWeight * positionScore)
                / (QuoteWeight + PrefixWeight + SuffixWeight + PositionWeight);
            // The client sorts by score with a stable sort and takes the first: ties go to the earlier match.
            if (score > bestScore)
            {
                bestScore = score;
                best = (match.Start, match.End);
            }
        }
        return best;
    }

    private static double TextMatchScore(string text, string pattern)
    {
        if (pattern.Length == 0 || text.Length == 0)
        {
            return 0.0;
        }
        var matches = Search(text, pattern, pattern.Length);
        return 1 - matches[0].Errors / (double)pattern.Length;
    }

    private readonly record struct Match(int Start, int End, int Errors);

    /// <summary>Exact matches if there are any, else approx-string-match's search: every match end with the lowest error count.</summary>
    private static List<Match> Search(string text, string pattern, double maxErrors)
    {
        var exact = new List<Match>();
        for (var at = text.IndexOf(pattern, StringComparison.Ordinal); at >= 0;
             at = at + 1 < text.Length ? text.IndexOf(pattern, at + 1, StringComparison.Ordinal) : -1)
        {
            exact.Add(new Match(at, at + pattern.Length, 0));
        }
        if (exact.Count > 0)
        {
            return exact;
        }
        var ends = MatchEnds(text, pattern, maxErrors);
        var reversedPattern = Reverse(pattern);
        var found = new List<Match>(ends.Count);
        foreach (var (end, errors) in ends)
        {
            // The start: match the reversed pattern backwards from the end with the same error
            // count, and of several possible starts take the one that makes the match longest.
            var minStart = Math.Max(0, end - pattern.Length - errors);
            var reversedText = Reverse(text[minStart..end]);
            var start = end;
            foreach (var (reversedEnd, _) in MatchEnds(reversedText, reversedPattern, errors))
            {
                start = Math.Min(start, end - reversedEnd);
            }
            found.Add(new Match(start, end, errors));
        }
        return found;
    }

    /// <summary>
    /// Sellers' edit distance of the pattern against every substring ending at each text position
    /// (what approx-string-match computes with Myers' bit-vectors); keeps the ends with the lowest
    /// error count, lowering the limit as better matches appear, as the library does.
    /// </summary>
    private static List<(int End, int Errors)> MatchEnds(string text, string pattern, double maxErrors)
    {
        var m = pattern.Length;
        var column = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            column[i] = i;
        }
        var ends = new List<(int End, int Errors)>();
        for (var j = 0; j < text.Length; j++)
        {
            var diagonal = column[0]; // D[i-1][j-1]
            column[0] = 0;
            var c = text[j];
            for (var i = 1; i <= m; i++)
            {
                var above = column[i]; // D[i][j-1]
                var cost = diagonal + (pattern[i - 1] == c ? 0 : 1);
                var value = Math.Min(cost, Math.Min(above + 1, column[i - 1] + 1));
                diagonal = above;
                column[i] = value;
            }
            var score = column[m];
            if (score <= maxErrors)
            {
                if (score < maxErrors)
                {
                    ends.Clear();
                }
                ends.Add((j + 1, score));
                maxErrors = score;
            }
        }
        return ends;
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
