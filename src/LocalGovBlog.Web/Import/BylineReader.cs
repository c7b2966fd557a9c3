using System.Globalization;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>The authors and the shared role read from a byline (or from a sign-off line).</summary>
internal sealed class Byline(IReadOnlyList<ParsedAuthor> authors, string? role)
{
    private HashSet<string>? keys;

    public IReadOnlyList<ParsedAuthor> Authors => authors;

    public string? Role => role;

    /// <summary>True when both name the same people, in any order and however joined or titled.</summary>
    public bool NamesSamePeopleAs(Byline other)
    {
        keys ??= Authors.Select(author => PersonName.Key(author.Name)).ToHashSet(StringComparer.Ordinal);
        return other.Authors.Count == Authors.Count
            && other.Authors.All(author => keys.Contains(PersonName.Key(author.Name)));
    }
}

/// <summary>
/// Reads bylines: "Paul Bunyan", "Anthony Mason, Senior Associate INLOGOV", "Dr Jane Doe &amp; John Smith,
/// Lecturers, INLOGOV", "Jane Doe Lecturer in Public Policy". Names come first; the role starts at the first
/// comma segment that is not a list of names, or at a job-title word or acronym after a name. Anything with
/// sentence punctuation or an ordinary lower-case word ("Catherine Staite reflects on …") is not a byline.
/// </summary>
internal static class BylineReader
{
    private const int MaxLength = 200;
    private const int MaxNameWords = 5;
    private const int MaxHonorificWords = 3;
    private const int MaxRoleWords = 25;

    public static Byline? Read(string trimmedLine)
    {
        if (trimmedLine.Length is 0 or > MaxLength || HasSentencePunctuation(trimmedLine))
        {
            return null;
        }
        var tokens = BylineToken.Split(trimmedLine);
        if (tokens.Count > 1 && tokens[0].Text is "By" or "by")
        {
            tokens.RemoveAt(0);
        }
        var authors = new List<ParsedAuthor>();
        int? roleStart = null;
        var segments = SplitAtCommas(tokens);
        for (var k = 0; k < segments.Count && roleStart is null; k++)
        {
            var segment = segments[k];
            if (segment.Count == 0)
            {
                return null;
            }
            var reading = NameListReading.Read(trimmedLine, segment, isFirstSegment: k == 0);
            if (k == 0)
            {
                if (reading is null || reading.Names.Count == 0)
                {
                    return null;
                }
                authors.AddRange(reading.Names);
                roleStart = reading.RoleStart;
            }
            else if (reading is { RoleStart: null, HasRoleWord: false })
            {
                authors.AddRange(reading.Names);
            }
            else
            {
                // "Catherine Staite, Director, INLOGOV": the first segment that is not names starts the role.
                roleStart = segment[0].Start;
            }
        }
        var role = roleStart is { } start ? trimmedLine[start..] : null;
        if (role is not null && !IsRoleText(role))
        {
            return null;
        }
        // A lone capitalised word ("Conclusions") is too weak to be a byline unless something backs it up.
        if (role is null && authors.Any(author => author.Honorific is null && !author.Name.Contains(' ', StringComparison.Ordinal)))
        {
            return null;
        }
        return new Byline(authors, role);
    }

    /// <summary>
    /// Reads a short line as nothing but names joined by "and", "&amp;" or commas, whatever their case
    /// ("ANTHONY MASON"); null when it holds anything else a sign-off would not.
    /// </summary>
    public static Byline? ReadNamesOnly(string trimmedLine)
    {
        if (trimmedLine.Length is 0 or > MaxLength || HasSentencePunctuation(trimmedLine))
        {
            return null;
        }
        var authors = new List<ParsedAuthor>();
        var words = new List<string>();
        foreach (var token in BylineToken.Split(trimmedLine).Append(new BylineToken(",", 0, 0)))
        {
            if (!token.IsComma && !token.IsConnector && !token.Text.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                words.Add(token.Text);
                continue;
            }
            if (words.Count == 0)
            {
                // Between two connectors: the Oxford comma in "Jane Doe, John Smith, and Ann Lee".
                continue;
            }
            if (words.Count > MaxNameWords + MaxHonorificWords || words.Any(word => !word.Any(char.IsLetter)))
            {
                return null;
            }
            var (honorific, name) = PersonName.SplitHonorific(string.Join(' ', words));
            authors.Add(new ParsedAuthor(name, honorific));
            words.Clear();
        }
        return authors.Count > 0 ? new Byline(authors, role: null) : null;
    }

    private static bool HasSentencePunctuation(string text)
    {
        if (text[^1] is '.' or ',' or '&')
        {
            return true;
        }
        foreach (var c in text)
        {
            if (c is '?' or '!' or ';' or ':' or '“' or '”' or '"' or '…' or '=' or '@' or '#')
            {
                return true;
            }
        }
        return false;
    }

    private static List<List<BylineToken>> SplitAtCommas(List<BylineToken> tokens)
    {
        var segments = new List<List<BylineToken>> { new() };
        foreach (var token in tokens)
        {
            if (token.IsComma)
            {
                segments.Add([]);
            }
            else
            {
                segments[^1].Add(token);
            }
        }
        return segments;
    }

    private static bool IsRoleText(string role)
    {
        var words = 0;
        foreach (var token in BylineToken.Split(role))
        {
            if (token.IsComma)
            {
                continue;
            }
            words++;
            var word = token.Text.Trim('(', ')', '[', ']', '-', '–');
            if (words > MaxRoleWords)
            {
                return false;
            }
            var acceptable = word.Length == 0
                || char.IsUpper(word[0])
                || char.IsAsciiDigit(word[0])
                || BylineLexicon.IsRoleFunctionWord(word)
                || BylineLexicon.StartsRole(word);
            if (!acceptable)
            {
                return false;
            }
        }
        return words > 0;
    }

    /// <summary>The names (and perhaps the start of a role) found in one comma segment of a byline.</summary>
    private sealed class NameListReading
    {
        public List<ParsedAuthor> Names { get; } = [];

        /// <summary>Where the role begins, as a position in the byline, when this segment starts it.</summary>
        public int? RoleStart { get; private set; }

        /// <summary>A name in this segment contains a job-title or organisation word ("Birmingham City").</summary>
        public bool HasRoleWord { get; private set; }

        public static NameListReading? Read(string line, List<BylineToken> segment, bool isFirstSegment)
        {
            var reading = new NameListReading();
            var name = new NameInProgress();
            for (var i = 0; i < segment.Count; i++)
            {
                var token = segment[i];
                if (token.IsConnector)
                {
                    // An Oxford comma puts "and" first: "Jane Doe, John Smith, and Ann Lee".
                    var leadingAfterComma = i == 0 && !isFirstSegment;
                    if (!leadingAfterComma && !reading.TryFinish(line, name))
                    {
                        return null;
                    }
                    name = new NameInProgress();
                    continue;
                }
                var word = token.Text;
                if (name.NameWords == 0 && name.Honorifics < MaxHonorificWords && PersonName.IsHonorific(word)
                    && !IsFollowedByFunctionWord(segment, i))
                {
                    name.Add(token, isHonorific: true);
                    continue;
                }
                // "Reader" after a single first name is a surname ("Jane Reader"); after a full name it is a job.
                if (BylineLexicon.StartsRole(word) && name.Words >= 2)
                {
                    if (!reading.TryFinish(line, name))
                    {
                        return null;
                    }
                    reading.RoleStart = token.Start;
                    return reading;
                }
                if (name.NameWords >= MaxNameWords || !IsNameWord(word))
                {
                    return null;
                }
                reading.HasRoleWord |= BylineLexicon.StartsRole(word);
                name.Add(token, isHonorific: false);
            }
            return reading.TryFinish(line, name) ? reading : null;
        }

        private bool TryFinish(string line, NameInProgress name)
        {
            if (!name.IsValid)
            {
                return false;
            }
            var (honorific, displayName) = PersonName.SplitHonorific(line[name.Start..name.End]);
            Names.Add(new ParsedAuthor(displayName, honorific));
            return true;
        }

        private static bool IsFollowedByFunctionWord(List<BylineToken> segment, int index) =>
            index + 1 < segment.Count && BylineLexicon.IsRoleFunctionWord(segment[index + 1].Text);
    }

    private sealed class NameInProgress
    {
        private string? firstNameWord;
        private string? lastNameWord;
        private bool hasFullWord;

        public int Start { get; private set; } = -1;

        public int End { get; private set; }

        public int Honorifics { get; private set; }

        public int NameWords { get; private set; }

        public int Words => Honorifics + NameWords;

        /// <summary>At least one real word, and particles only inside: "van der Berg" alone is not a name.</summary>
        public bool IsValid =>
            NameWords > 0 && hasFullWord
            && !BylineLexicon.IsParticle(firstNameWord!) && !BylineLexicon.IsParticle(lastNameWord!);

        public void Add(BylineToken token, bool isHonorific)
        {
            if (Start < 0)
            {
                Start = token.Start;
            }
            End = token.End;
            if (isHonorific)
            {
                Honorifics++;
                return;
            }
            NameWords++;
            firstNameWord ??= token.Text;
            lastNameWord = token.Text;
            hasFullWord |= !IsInitial(token.Text) && !BylineLexicon.IsParticle(token.Text);
        }
    }

    /// <summary>
    /// A word of a person's name: capitalised ("Zoë", "Müller-Ørsted", "O’Brien", "McDonald"), an initial
    /// ("J.", "J.R."), a particle ("van", "de"), or a particle prefix ("al-Hassan", "d’Ancona").
    /// </summary>
    internal static bool IsNameWord(string word)
    {
        if (BylineLexicon.IsParticle(word) || IsInitial(word))
        {
            return true;
        }
        if (BylineLexicon.IsNotAName(word) || BylineLexicon.IsAcronym(word) || BylineLexicon.IsOrganisationWord(word))
        {
            return false;
        }
        var start = ParticlePrefixLength(word);
        return start < word.Length && char.IsUpper(word[start]) && IsLettersWithJoiners(word.AsSpan(start));
    }

    internal static bool IsInitial(string word)
    {
        // "J", "J.", "J.R.", "J.-P."
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && char.IsLetter(word[i - 1]))
                {
                    return false;
                }
                letters++;
            }
            else if (c is not ('.' or '-'))
            {
                return false;
            }
        }
        return letters > 0 && (letters == 1 || word.Contains('.', StringComparison.Ordinal));
    }

    private static int ParticlePrefixLength(string word)
    {
        var joiner = 0;
        while (joiner < word.Length && !IsNameJoiner(word[joiner]))
        {
            joiner++;
        }
        return joiner > 0 && joiner < word.Length - 1 && (BylineLexicon.IsParticle(word[..joiner]) || word[..joiner] is "d" or "l")
            ? joiner + 1
            : 0;
    }

    private static bool IsLettersWithJoiners(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetter(c) || IsCombiningMark(c))
            {
                continue;
            }
            var joinsLetters = IsNameJoiner(c) && i > 0 && i < word.Length - 1 && char.IsLetter(word[i + 1]);
            if (!joinsLetters)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Hyphens and every apostrophe form join the parts of a name: "Müller-Ørsted", "O’Brien", "O‘Brien".</summary>
    private static bool IsNameJoiner(char c) => c == '-' || TextFolding.IsApostrophe(c);

    private static bool IsCombiningMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

/// <summary>A word, comma or ampersand of a byline, with its position so names and role keep their characters.</summary>
internal readonly record struct BylineToken(string Text, int Start, int End)
{
    public bool IsComma => Text == ",";

    /// <summary>"and" or "&amp;" between co-authors.</summary>
    public bool IsConnector => Text is "and" or "&";

    public static List<BylineToken> Split(string text)
    {
        var tokens = new List<BylineToken>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            var c = atEnd ? ' ' : text[i];
            var separates = LineShape.IsSpace(c) || c == ',';
            if (!separates)
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                tokens.Add(new BylineToken(text[start..i], start, i));
                start = -1;
            }
            if (c == ',')
            {
                tokens.Add(new BylineToken(",", i, i + 1));
            }
        }
        return tokens;
    }
}
