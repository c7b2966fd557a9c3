namespace LocalGovBlog.Web.Import;

/// <summary>
/// The words that tell a byline's names from its role, and a name from a title that happens to be
/// written in Title Case.
/// </summary>
internal static class BylineLexicon
{
    // Job titles. One after a full name, or first after a comma, starts the role:
    // "Jane Doe Lecturer in Public Policy", "Catherine Staite, Director, INLOGOV". Some are also surnames
    // ("Jane Reader"), so a name may contain them when they cannot start a role.
    private static readonly HashSet<string> JobWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Director", "Senior", "Associate", "Lecturer", "Professor", "Reader", "Fellow", "Research",
        "Researcher", "Honorary", "Visiting", "Chief", "Executive", "Head", "Leader", "Deputy", "Chair",
        "Chairman", "Chairwoman", "Chairperson", "Manager", "Officer", "Consultant", "Partner", "Analyst",
        "Student", "Doctoral", "Postdoctoral", "PhD", "Teaching", "Emeritus", "Member", "Councillor",
        "Adviser", "Advisor", "Assistant", "Principal", "Lead", "Coordinator", "Co-ordinator", "Specialist",
        "Editor", "Commissioner", "Secretary", "President", "Vice", "Founder", "Co-founder", "Trustee",
        "Governor", "Mayor", "Minister", "Clerk", "Solicitor", "Planner", "Economist", "Practitioner",
        "Candidate", "Graduate", "Postgraduate", "Scholar", "Intern", "Strategist", "Former", "Acting",
        "Interim", "Convenor", "Convener", "Tutor",
        // Welsh: lecturer (and its mutated form after "Uwch", senior), professor, director.
        "Darlithydd", "Ddarlithydd", "Uwch", "Athro", "Cyfarwyddwr",
    };

    // Organisation words never belong to a person's name: "Anthony Mason, Birmingham City Council".
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Council", "University", "Institute", "School", "Centre", "Center", "College", "Department",
        "Authority", "Government", "Network", "Association", "Partnership", "Trust", "Foundation", "Society",
        "Office", "Board", "Commission", "Agency", "Service", "Ministry", "Borough", "County", "District",
        "City", "Unit", "Ltd", "Limited", "Consulting", "Consultancy", "Alliance", "Forum", "Federation",
        "Party", "Team", "Group", "Programme", "Policy", "Combined",
        // The same words in Welsh, Irish and Polish, as bilingual and visiting contributors write them.
        "Prifysgol", "Cyngor", "Ollscoil", "Comhairle", "Uniwersytet",
    };

    // Small words a role may contain in lower case ("Lecturer in Public Policy", "Head of Research").
    private static readonly HashSet<string> RoleFunctionWords = new(StringComparer.Ordinal)
    {
        "in", "of", "and", "for", "the", "at", "on", "to", "with", "de", "du", "la", "le", "des", "y", "und", "&",
    };

    // Lower-case particles inside names: "Jan van der Berg", "Ana da Silva", "Siân ap Dafydd".
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "da", "di", "du", "le", "la", "des", "del", "della", "dos", "das",
        "bin", "binti", "ibn", "al", "el", "ter", "ten", "y", "ap", "ab", "ferch", "verch",
    };

    // Capitalised words that start titles but are not names, so "Why Districts Matter" is no byline.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "And", "Or", "But", "Of", "In", "On", "At", "For", "To", "From", "With", "Without",
        "Why", "How", "What", "When", "Where", "Who", "Which", "Is", "Are", "Was", "Were", "Be", "Do", "Does",
        "Did", "Can", "Could", "Should", "Would", "Must", "Our", "Your", "Their", "My", "We", "You", "They",
        "It", "Its", "This", "That", "These", "Those", "Not", "No", "Yes", "All", "New", "Next", "After",
        "Before", "Beyond", "Towards", "Into", "Time", "Making", "Building", "Local", "Public", "Devolution",
        "Austerity", "Brexit", "Reflections", "Lessons", "Notes", "Thoughts", "Update", "Conclusion",
        "Conclusions", "Introduction", "Background", "Summary",
    };

    // What a byline written as a sentence says its authors do: "Jo Bloggs reflects on …", "… and Sam Lee ask …".
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "on", "reflects", "reflect", "considers", "consider", "gives", "give", "looks", "look", "asks", "ask",
        "argues", "argue", "examines", "examine", "explores", "explore", "discusses", "discuss", "writes",
        "write", "reports", "report", "reviews", "review", "outlines", "outline", "assesses", "assess", "shares",
        "share", "sets", "set", "takes", "take", "offers", "offer", "responds", "respond", "introduces",
        "introduce", "presents", "present", "summarises", "summarise", "summarizes", "summarize", "explains",
        "explain", "analyses", "analyse", "analyzes", "analyze", "calls", "call", "urges", "urge", "questions",
        "question", "describes", "describe", "highlights", "highlight", "investigates", "investigate",
        "unpacks", "unpack", "charts", "chart", "traces", "trace", "revisits", "revisit", "makes", "make",
        "suggests", "suggest", "warns", "warn", "welcomes", "welcome", "proposes", "propose", "challenges",
        "challenge", "evaluates", "evaluate", "compares", "compare", "identifies", "identify", "blogs", "blog",
        "comments", "comment", "talks", "talk", "wonders", "wonder", "weighs", "weigh", "maps", "map", "turns",
        "turn", "returns", "return", "tells", "tell", "sums", "sum", "goes", "go", "previews", "preview",
        "recalls", "recall", "celebrates", "celebrate", "contends", "contend", "ponders", "ponder",
        // "Jo Bloggs is a senior lecturer at INLOGOV": the names, then a role.
        "is", "are",
    };

    public static bool IsParticle(string word) => Particles.Contains(word);

    public static bool IsReportingVerb(string word) => ReportingVerbs.Contains(word);

    public static bool IsRoleFunctionWord(string word) => RoleFunctionWords.Contains(word);

    public static bool IsNotAName(string word) => NotNames.Contains(word);

    /// <summary>A job title or organisation word ("Lecturers" counts as "Lecturer"), or an acronym such as INLOGOV.</summary>
    public static bool StartsRole(string word)
    {
        var bare = word.Trim('(', ')', '[', ']');
        return IsAcronym(bare) || IsInLexicon(JobWords, bare) || IsInLexicon(OrganisationWords, bare);
    }

    /// <summary>A job title ("Lecturer", "Research"), not an organisation word or acronym.</summary>
    public static bool IsJobWord(string word) => IsInLexicon(JobWords, word.Trim('(', ')', '[', ']'));

    public static bool IsOrganisationWord(string word) => IsInLexicon(OrganisationWords, word.Trim('(', ')', '[', ']'));

    private static bool IsInLexicon(HashSet<string> lexicon, string word)
    {
        if (lexicon.Contains(word))
        {
            return true;
        }
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.OrdinalIgnoreCase))
        {
            return lexicon.Contains(string.Concat(word.AsSpan(0, word.Length - 3), "y"));
        }
        return word.Length > 3 && word.EndsWith('s') && lexicon.Contains(word[..^1]);
    }

    /// <summary>Two or more capital letters and no lower case: INLOGOV, LGA, NHS, UK.</summary>
    public static bool IsAcronym(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }
                letters++;
            }
            else if (!char.IsAsciiDigit(c) && c is not ('&' or '-'))
            {
                return false;
            }
        }
        return letters >= 2;
    }
}
