namespace LocalGovBlog.Benchmarks.Accuracy;

/// <summary>
/// Invented blog prose about local government, in the canonical text's shape: paragraphs joined
/// by a blank line. The pools are small on purpose, so short phrases ("the council", "local
/// government") recur in every article as they do in real commentary; straight quotes,
/// apostrophes and spaced hyphens give the quote-style edits something to change.
/// </summary>
public sealed class ArticleWriter(Random random)
{
    private static readonly string[] Openers =
    [
        "", "", "", "", "Yet ", "However, ", "In practice, ", "Meanwhile, ", "As a result, ", "For now, ", "Even so, ",
        "In the North East, ", "Across the country, ", "Since 2010, ", "In most places, ", "Put simply, ",
    ];

    private static readonly string[] Subjects =
    [
        "the council", "the combined authority", "the mayor", "Whitehall", "the district council", "local government",
        "the county council", "scrutiny committees", "parish councils", "the cabinet member for housing", "residents",
        "council officers", "the leader of the council", "the Treasury", "the new unitary authority", "local partnerships",
        "the council", "local government", "the mayor", "the local enterprise partnership",
    ];

    private static readonly string[] Verbs =
    [
        "has cut", "will publish", "must answer for", "cannot fund", "has delegated", "is consulting on", "depends on",
        "has protected", "keeps postponing", "now shares", "wants more say over", "was never asked about", "has redesigned",
        "quietly dropped", "still controls", "is reviewing", "has borrowed against", "refuses to ring-fence", "inherited",
        "pays for",
    ];

    private static readonly string[] Objects =
    [
        "adult social care", "the housing budget", "its capital programme", "bus franchising", "the local plan",
        "the business rates pool", "children's services", "a devolution deal", "the council tax base", "its reserves",
        "library opening hours", "the adult skills budget", "the health and wellbeing board", "regeneration funding",
        "the highways maintenance backlog", "homelessness prevention", "the public health grant", "its audit committee",
        "a single pot of funding", "the statutory minimum", "the mayor's transport plan", "residents' priorities",
        "the council's own companies", "its partnership with the NHS", "the spending review",
    ];

    private static readonly string[] Tails =
    [
        "", "", "", " this year", " across the region", " before the next election", " without new money",
        " in partnership with the NHS", " as the Bill reaches its second reading", " for the third year running",
        " at the request of ministers", " despite the scrutiny committee's objections", " under the new framework",
        " - and few residents noticed", " - at least on paper", " by the end of March", " with little warning",
    ];

    private static readonly string[] Remarks =
    [
        "As one officer told us, \"the money simply isn't there.\"",
        "A councillor put it bluntly: \"we're managing decline, not growth.\"",
        "\"Nobody asked us,\" said the chair of the parish council.",
        "The minister's phrase was \"a new partnership with places.\"",
        "One finance director called it \"the cliff edge we've all seen coming.\"",
        "Residents were told the changes would be \"broadly neutral.\"",
        "The report's own words are \"no realistic alternative.\"",
        "\"It's devolution on Whitehall's terms,\" a council leader said.",
        "In the mayor's words, \"we'll judge the deal by what it delivers.\"",
        "The auditor's letter speaks of \"significant weaknesses in arrangements.\"",
    ];

    private static readonly string[] Rewordings =
    [
        "in effect", "broadly", "at last", "its leaders", "the authority", "all told", "in turn", "quietly", "for years",
        "our region", "the public", "its officers", "a new body", "public money", "on paper", "at pace", "with care",
        "the sector", "its partners", "any real sense", "councillors", "the whole system", "by and large", "once again",
    ];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Article()
    {
        _used.Clear();
        var paragraphs = random.Next(5, 10);
        return string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(_ => Paragraph()));
    }

    public string Paragraph() =>
        string.Join(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentence()));

    /// <summary>A sentence not yet used in this article, so that no whole sentence repeats.</summary>
    public string Sentence()
    {
        while (true)
        {
            string sentence;
            if (random.Next(7) == 0)
            {
                sentence = Remarks[random.Next(Remarks.Length)];
            }
            else
            {
                var opener = Pick(Openers);
                var subject = Pick(Subjects);
                subject = opener.Length == 0 ? char.ToUpperInvariant(subject[0]) + subject[1..] : subject;
                sentence = $"{opener}{subject} {Pick(Verbs)} {Pick(Objects)}{Pick(Tails)}.";
            }
            if (_used.Add(sentence))
            {
                return sentence;
            }
        }
    }

    /// <summary>
    /// A new sentence sharing no two consecutive words with <paramref name="old"/>: a rewrite, not
    /// an edit. (Words a rewrite keeps were kept, and a tag on them rightly follows them; the
    /// provenance would not know that.)
    /// </summary>
    public string SentenceUnlike(string old)
    {
        ArgumentNullException.ThrowIfNull(old);
        var pairs = Pairs(old);
        while (true)
        {
            var sentence = Sentence();
            if (!Pairs(sentence).Overlaps(pairs))
            {
                return sentence;
            }
        }
    }

    private static HashSet<string> Pairs(string sentence)
    {
        var words = sentence.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. words.Zip(words.Skip(1), (a, b) => a.Trim(',', '.', '"') + " " + b.Trim(',', '.', '"'))];
    }

    /// <summary>One to three words of other phrasing, sharing no word with <paramref name="instead"/>.</summary>
    public string Rewording(string instead)
    {
        while (true)
        {
            var words = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(Rewordings)));
            // Other words: none of the old ones, which the provenance would call replaced but a reader kept.
            var old = instead.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(',', '.', '"').ToUpperInvariant());
            if (!words.ToUpperInvariant().Split(' ').Intersect(old).Any())
            {
                return words;
            }
        }
    }

    private string Pick(string[] pool) => pool[random.Next(pool.Length)];
}
