using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

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
                if (name.NameWords >= MaxNameWords || !NameWord.IsNameWord(word))
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
            hasFullWord |= !NameWord.IsInitial(token.Text) && !BylineLexicon.IsParticle(token.Text);
        }
    }
}
