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

    // Co-authors who each give a long role ("Jane Smith, Professor of …, Institute of …, and John Brown, …")
    // may take more than one author's byline length: up to MaxLength for each author with a role of their own.
    private const int MaxCoAuthorsLength = 3 * MaxLength;
    private const int MaxNameWords = 5;
    private const int MaxHonorificWords = 3;
    private const int MaxRoleWords = 25;

    public static Byline? Read(string trimmedLine)
    {
        if (trimmedLine.Length is 0 or > MaxCoAuthorsLength || HasSentencePunctuation(trimmedLine))
        {
            return null;
        }
        var byline = ReadWithRole(trimmedLine);
        return byline is null || trimmedLine.Length <= MaxLength
            || trimmedLine.Length <= MaxLength * byline.Authors.Count(author => author.Role is not null)
            ? byline
            : null;
    }

    private static Byline? ReadWithRole(string trimmedLine)
    {
        // "Cllr. Jo Bloggs – Chair of Scrutiny, Anytown Council": names before a spaced dash, the role after it.
        if (RoleDash(trimmedLine) is { } dash)
        {
            var names = ReadNamesAndRole(trimmedLine[..dash.Start].TrimEnd());
            var dashRole = trimmedLine[dash.End..].TrimStart();
            return names is { HasRole: false } && dashRole.Length > 0 && IsRoleText(dashRole)
                ? new Byline(names.Authors, dashRole)
                : null;
        }
        return ReadNamesAndRole(trimmedLine);
    }

    private static Byline? ReadNamesAndRole(string trimmedLine)
    {
        if (trimmedLine.Length == 0)
        {
            return null;
        }
        var tokens = BylineToken.Split(trimmedLine);
        tokens.RemoveRange(0, LeadWords(tokens));
        var authors = new List<ParsedAuthor>();
        int? roleStart = null;
        var roleEnd = 0;
        // Co-authors with roles of their own: each group of names, with the role written after it.
        var groups = new List<(int FirstAuthor, string? Role)>();
        var groupStart = 0;
        var segments = SplitAtCommas(tokens);
        for (var k = 0; k < segments.Count; k++)
        {
            var segment = segments[k];
            if (roleStart is { } started)
            {
                if (segment.Count == 0)
                {
                    continue;
                }
                if (NextAuthorsInRole(trimmedLine, segments, k) is { } next)
                {
                    // "Jane Smith, Lecturer, INLOGOV, John Brown, Research Fellow": the role before ends at John Brown.
                    groups.Add((groupStart, trimmedLine[started..roleEnd]));
                    groupStart = authors.Count;
                    authors.AddRange(next.Names);
                    roleStart = next.RoleStart;
                }
                roleEnd = segment[^1].End;
                continue;
            }
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
            else if (authors.Count > 0 && segment.All(token => PersonName.IsPostNominal(token.Text)))
            {
                // "Jane Foster, MBE, Director": letters after a comma still belong to the name before them.
                var last = authors[^1];
                authors[^1] = last with { PostNominals = JoinPostNominals(last.PostNominals, string.Join(' ', segment.Select(token => token.Text))) };
            }
            else
            {
                // "Catherine Staite, Director, INLOGOV": the first segment that is not names starts the role.
                roleStart = segment[0].Start;
            }
            roleEnd = segment[^1].End;
        }
        var role = roleStart is { } start ? trimmedLine[start..] : null;
        if (role is not null && !IsRoleText(role))
        {
            return null;
        }
        if (groups.Count > 0)
        {
            groups.Add((groupStart, role));
            return GroupRoles(authors, groups);
        }
        // A lone capitalised word ("Conclusions") is too weak to be a byline unless something backs it up.
        if (role is null && authors.Any(IsLoneWord))
        {
            return null;
        }
        return new Byline(DistributePluralHonorific(authors), Unbracketed(role));
    }

    private static bool IsLoneWord(ParsedAuthor author) =>
        author.Honorific is null && author.PostNominals is null && !author.Name.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// A comma segment inside a role that names further co-authors rather than carrying the role on: full names
    /// (or titled ones) with no job-title or organisation word among them, that follow "and" or "&amp;", carry an
    /// honorific, or have their own role after them ("John Brown, Research Fellow", "Dr Alan White (INLOGOV)").
    /// "Lecturer, Cardiff Met" or "INLOGOV, and Aston Business School" stay in the role.
    /// </summary>
    private static NameListReading? NextAuthorsInRole(string line, List<List<BylineToken>> segments, int k)
    {
        var segment = segments[k];
        if (NameListReading.Read(line, segment, isFirstSegment: false) is not { Names.Count: > 0, HasRoleWord: false } reading
            || reading.Names.Any(name => name.Honorific is null && !name.Name.Contains(' ', StringComparison.Ordinal)))
        {
            return null;
        }
        if (reading.RoleStart is { } roleStart)
        {
            var roleWord = segment.First(token => token.Start == roleStart).Text;
            return BylineLexicon.IsOrganisationWord(roleWord) ? null : reading;
        }
        var followedByJob = k + 1 < segments.Count && segments[k + 1].Count > 0 && BylineLexicon.IsJobWord(segments[k + 1][0].Text);
        return segment[0].IsConnector || reading.Names.Any(name => name.Honorific is not null) || followedByJob ? reading : null;
    }

    /// <summary>Gives each author the role of their group; every role given must read as one.</summary>
    private static Byline? GroupRoles(List<ParsedAuthor> authors, List<(int FirstAuthor, string? Role)> groups)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var role = groups[g].Role is { } text ? Unbracketed(text.Trim()) : null;
            if (role is not null && !IsRoleText(role))
            {
                return null;
            }
            var end = g + 1 < groups.Count ? groups[g + 1].FirstAuthor : authors.Count;
            for (var i = groups[g].FirstAuthor; i < end; i++)
            {
                authors[i] = authors[i] with { Role = role };
            }
        }
        return authors.Any(author => author.Role is null && IsLoneWord(author))
            ? null
            : new Byline(DistributePluralHonorific(authors), role: null);
    }

    /// <summary>
    /// Reads a byline written as a sentence: the names first, then a verb of reporting or "on"
    /// ("Jo Bloggs gives a first look at the housing white paper", "Jo Bloggs and Sam Lee reflect on …").
    /// Each name must be a full name, so "Jane reflects on …" or "Devolution looks …" is not one.
    /// </summary>
    public static Byline? ReadSentence(string trimmedLine)
    {
        if (trimmedLine.Length is 0 or > MaxLength || trimmedLine.AsSpan().IndexOfAny(NotInSentenceBylines) >= 0
            || !FirstLowerCaseWordIsAReportingVerb(trimmedLine))
        {
            return null;
        }
        var tokens = BylineToken.Split(trimmedLine);
        var verb = tokens.FindIndex(token => token.Text.Length > 0 && char.IsLower(token.Text[0])
            && !token.IsConnector && !BylineLexicon.IsParticle(token.Text));
        if (verb < 2 || !BylineLexicon.IsReportingVerb(tokens[verb].Text) || verb + 1 >= tokens.Count)
        {
            return null;
        }
        // "Jo Bloggs is a senior lecturer …" names a role; "Jo Bloggs is writing …" does not.
        if (tokens[verb].Text is "is" or "are" && !(tokens[verb + 1].Text is "a" or "an" or "the" || BylineLexicon.StartsRole(tokens[verb + 1].Text)))
        {
            return null;
        }
        var names = ReadNamesOnlyStrict(trimmedLine[..tokens[verb - 1].End]);
        return names is not null && names.Authors.All(author => author.Name.Contains(' ', StringComparison.Ordinal))
            ? new Byline(names.Authors, role: null, isSentence: true)
            : null;
    }

    // What a listing may put before the names: "By", "Posted by", "Written by", "A guest post by".
    private static readonly string[][] Leads =
    [
        ["a", "guest", "post", "by"], ["a", "guest", "blog", "by"], ["guest", "post", "by"], ["guest", "blog", "by"],
        ["posted", "by"], ["written", "by"], ["words", "by"], ["blog", "by"], ["by"],
    ];

    /// <summary>How many of the first tokens are a lead such as "Posted by" (none when nothing follows it).</summary>
    private static int LeadWords(List<BylineToken> tokens)
    {
        foreach (var lead in Leads)
        {
            if (tokens.Count <= lead.Length)
            {
                continue;
            }
            var i = 0;
            while (i < lead.Length && tokens[i].Text.Equals(lead[i], StringComparison.OrdinalIgnoreCase))
            {
                i++;
            }
            if (i == lead.Length)
            {
                return lead.Length;
            }
        }
        return 0;
    }

    private static readonly System.Buffers.SearchValues<char> NotInSentenceBylines = System.Buffers.SearchValues.Create(":;“”\"=@#");

    /// <summary>A cheap look before tokenising: the first word in lower case (after the names) must be a verb of reporting.</summary>
    private static bool FirstLowerCaseWordIsAReportingVerb(string line)
    {
        var start = 0;
        while (start < line.Length)
        {
            var end = start;
            while (end < line.Length && !LineShape.IsSpace(line[end]) && line[end] != ',')
            {
                end++;
            }
            if (end > start && char.IsLower(line[start]))
            {
                var word = line[start..end];
                if (word is not ("and" or "&") && !BylineLexicon.IsParticle(word))
                {
                    return BylineLexicon.IsReportingVerb(word);
                }
            }
            start = end + 1;
        }
        return false;
    }

    /// <summary>A byline of names alone, no role: what may stand before a verb in a sentence byline.</summary>
    private static Byline? ReadNamesOnlyStrict(string text) =>
        ReadNamesAndRole(text) is { HasRole: false } byline ? byline : null;

    private static List<ParsedAuthor> DistributePluralHonorific(List<ParsedAuthor> authors)
    {
        if (authors.Count == 0 || authors[0].Honorific is not { } first || first.Split(' ') is not { } words
            || PersonName.SingularOf(words[0]) is not { } singular)
        {
            return authors;
        }
        var rest = words.Length > 1 ? " " + string.Join(' ', words[1..]) : "";
        return [.. authors.Select((author, i) => i == 0 || author.Honorific is null ? author with { Honorific = singular + (i == 0 ? rest : "") } : author)];
    }

    private static string JoinPostNominals(string? before, string more) => before is null ? more : before + " " + more;

    /// <summary>A dash or bar with a space on each side ("–", "—", "-", "|"), which never joins the words of a name.</summary>
    private static (int Start, int End)? RoleDash(string line)
    {
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (line[i] is '–' or '—' or '-' or '|' && LineShape.IsSpace(line[i - 1]) && LineShape.IsSpace(line[i + 1]))
            {
                return (i, i + 1);
            }
        }
        return null;
    }

    /// <summary>A role in brackets ("Jo Bloggs (INLOGOV)") is the role without them.</summary>
    private static string? Unbracketed(string? role) =>
        role is { Length: > 2 } && role[0] == '(' && role[^1] == ')' && role.IndexOf(')', StringComparison.Ordinal) == role.Length - 1
            ? role[1..^1].Trim()
            : role;

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
                // "Jane Foster MBE": letters after a full name are the person's, not the start of a role.
                if (name.NameWords >= 2 && PersonName.IsPostNominal(word))
                {
                    name.AddPostNominal(token);
                    continue;
                }
                if (name.PostNominals is not null && !token.IsConnector)
                {
                    // After "OBE" only a role or another name may follow.
                    if (!reading.TryFinish(line, name))
                    {
                        return null;
                    }
                    reading.RoleStart = token.Start;
                    return reading;
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
            Names.Add(new ParsedAuthor(displayName, honorific, name.PostNominals));
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

        /// <summary>Letters after the name ("OBE FRSA"), which are not part of it.</summary>
        public string? PostNominals { get; private set; }

        public void AddPostNominal(BylineToken token) =>
            PostNominals = PostNominals is null ? token.Text : PostNominals + " " + token.Text;

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
