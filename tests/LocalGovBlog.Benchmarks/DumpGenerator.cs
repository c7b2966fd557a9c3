using System.Text;

namespace LocalGovBlog.Benchmarks;

/// <summary>
/// Writes a synthetic dump in the seed's format: Zipf-distributed local-government vocabulary,
/// a pool of authors (honorifics, roles, accents, co-authors), standfirsts, quotations, lists and
/// every kind of ending. Deterministic for a given seed, and streamed: any size costs no memory.
/// </summary>
public sealed class DumpGenerator(int seed = 20261127)
{
    // Ranked by frequency: function words first, as in real prose.
    private static readonly string[] Vocabulary =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "be", "on", "not", "this",
        "by", "are", "have", "has", "but", "from", "their", "which", "more", "will", "can", "would", "there",
        "been", "what", "about", "they", "its", "new", "how", "when", "who", "all", "than", "also", "much",
        "between", "through", "where", "should", "must", "could", "rather", "often", "still", "every", "other",
        "council", "councils", "local", "government", "partnership", "partnerships", "devolution", "deal", "deals",
        "authority", "authorities", "combined", "mayor", "mayors", "district", "county", "districts", "services",
        "public", "funding", "austerity", "budget", "budgets", "community", "communities", "leadership", "leaders",
        "accountability", "scrutiny", "health", "care", "housing", "Brexit", "Whitehall", "minister", "policy",
        "reform", "regions", "region", "cities", "city", "growth", "business", "residents", "officers", "members",
        "trust", "collaboration", "co-production", "finance", "grant", "settlement", "powers", "decisions",
        "democratic", "legitimacy", "research", "evidence", "review", "report", "place", "places", "neighbourhood",
        "regeneration", "integration", "outcomes", "efficiency", "strategy", "planning", "transport", "skills",
        "economy", "economic", "social", "political", "national", "central", "England", "Scotland", "Wales",
    ];

    private static readonly string[] FirstNames =
    [
        "Catherine", "Anthony", "Paul", "Zoë", "Jon", "Helen", "Chris", "Karin", "Rachel", "Ian", "Jason", "Philip",
        "Sarah", "Tom", "Amira", "Siobhán", "Øystein", "Laurent", "Priya", "Kwame", "Nuala", "Dafydd", "Ewa", "Mehmet",
    ];

    private static readonly string[] Surnames =
    [
        "Staite", "Mason", "Bunyan", "Müller-Ørsted", "Hale", "Dickinson", "Game", "Bottom", "Lowndes", "Leach",
        "Lees", "Whiteman", "Ayres", "O’Brien", "Patel", "Mensah", "Ní Bhriain", "Jones", "Kowalska", "Yılmaz",
        "de Souza", "van der Berg", "Frost", "Shaw", "Jeffares", "Sullivan", "Griggs", "Rees", "Elcock", "Clarke",
    ];

    private static readonly string[] Honorifics = ["", "", "", "", "Dr ", "Professor ", "Cllr ", "Prof "];

    private static readonly string[] Roles =
    [
        "", "", ", Senior Associate INLOGOV", ", Director, INLOGOV", ", Lecturer in Public Management, INLOGOV",
        " Senior Lecturer INLOGOV", ", Leader of Exeham District Council", ", Research Fellow, INLOGOV",
    ];

    private readonly Random _random = new(seed);
    private readonly double[] _zipf = BuildZipf(Vocabulary.Length);

    public int AuthorPoolSize { get; init; } = 400;

    /// <summary>Share of words drawn from a long tail of rarer made-up words, so that searches have
    /// terms matching a few articles, a few per cent, and most of the archive. 0 keeps the small vocabulary.</summary>
    public double RareWordShare { get; init; }

    private const int TailSize = 30_000;

    private static readonly string[] Syllables =
    [
        "ba", "co", "den", "fi", "gal", "ho", "jun", "ka", "lim", "mo", "nor", "pe", "quil", "ra", "sen", "tu",
        "val", "wy", "zan", "bre", "cla", "dro", "fen", "gri", "plo", "stu", "tre", "vor",
    ];

    private readonly Lazy<double[]> _tailZipf = new(() => BuildZipf(TailSize));

    /// <summary>The tail word of a given rank: three or four syllables, distinct for every rank.</summary>
    public static string TailWord(int rank)
    {
        var word = new StringBuilder();
        var n = rank;
        for (var i = 0; i < 3 || n > 0; i++)
        {
            word.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }
        return word.ToString();
    }

    public void Write(TextWriter writer, int articles)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.NewLine = "\n";
        var authors = Enumerable.Range(0, AuthorPoolSize)
            .Select(i => $"{FirstNames[i % FirstNames.Length]} {Surnames[i * 7 % Surnames.Length]}")
            .Distinct()
            .ToArray();
        for (var i = 0; i < articles; i++)
        {
            WritePost(writer, authors, i);
        }
    }

    private void WritePost(TextWriter writer, string[] authors, int index)
    {
        var first = authors[_random.Next(authors.Length)];
        var coAuthor = _random.NextDouble() < 0.15 ? authors[_random.Next(authors.Length)] : null;
        if (coAuthor == first)
        {
            coAuthor = null;
        }
        var names = coAuthor is null ? first : $"{first} and {coAuthor}";

        writer.WriteLine(Capitalise(Words(_random.Next(5, 11))) + " " + index.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteLine();
        var byline = coAuthor is null
            ? Honorifics[_random.Next(Honorifics.Length)] + first
            : $"{Honorifics[_random.Next(Honorifics.Length)]}{first} and {coAuthor}";
        writer.WriteLine(byline + Roles[_random.Next(Roles.Length)]);
        writer.WriteLine();
        if (_random.NextDouble() < 0.2)
        {
            writer.WriteLine($"As {Words(6)} reaches a turning point, {first} reflects on {Words(8)}.");
            writer.WriteLine();
        }
        var paragraphs = _random.Next(4, 12);
        for (var p = 0; p < paragraphs; p++)
        {
            var roll = _random.NextDouble();
            if (roll < 0.08 && p < paragraphs - 1)
            {
                writer.WriteLine(Sentences(2) + " As one chief executive put it:");
                writer.WriteLine();
                writer.WriteLine("\u201C" + Sentences(2) + "\u201D");
            }
            else if (roll < 0.14)
            {
                writer.WriteLine(Sentences(1)[..^1] + ":");
                writer.WriteLine();
                var ordered = _random.NextDouble() < 0.5;
                var items = _random.Next(2, 6);
                for (var item = 1; item <= items; item++)
                {
                    writer.WriteLine((ordered ? $"{item}. " : "\u2022 ") + Words(_random.Next(4, 12)));
                }
            }
            else
            {
                writer.WriteLine(Sentences(_random.Next(2, 7)));
            }
            writer.WriteLine();
        }
        var ending = _random.NextDouble();
        if (ending < 0.3)
        {
            writer.WriteLine("Continue reading");
            writer.WriteLine();
        }
        else if (ending < 0.8)
        {
            writer.WriteLine(names);
            writer.WriteLine();
            writer.WriteLine($"{first} is a {Words(3)} at INLOGOV who works on {Words(5)}.");
            writer.WriteLine();
        }
    }

    private string Sentences(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(_random.NextDouble() < 0.1 ? "\u00A0 " : " ");
            }
            text.Append(Capitalise(Words(_random.Next(8, 24)))).Append('.');
        }
        return text.ToString();
    }

    private string Words(int count)
    {
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            if (RareWordShare > 0 && _random.NextDouble() < RareWordShare)
            {
                var rank = Array.BinarySearch(_tailZipf.Value, _random.NextDouble());
                words[i] = TailWord(Math.Min(rank < 0 ? ~rank : rank, TailSize - 1));
                continue;
            }
            var index = Array.BinarySearch(_zipf, _random.NextDouble());
            words[i] = Vocabulary[Math.Min(index < 0 ? ~index : index, Vocabulary.Length - 1)];
        }
        return string.Join(' ', words);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Cumulative Zipf(s = 1) weights over the vocabulary's ranks.</summary>
    private static double[] BuildZipf(int size)
    {
        var weights = Enumerable.Range(1, size).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[size];
        var running = 0.0;
        for (var i = 0; i < size; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }
        return cumulative;
    }
}
