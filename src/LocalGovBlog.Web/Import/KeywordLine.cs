namespace LocalGovBlog.Web.Import;

/// <summary>
/// A line of keywords or categories: "Tags: devolution, mayors", "Posted in Devolution, Mayors | Leave a comment",
/// "Filed under Scrutiny", Blogger's "Labels: scrutiny", or, straight under a byline, a bare list "devolution, combined authorities, mayors".
/// </summary>
internal static class KeywordLine
{
    private const int MaxLength = 300;
    private const int MaxWordsPerKeyword = 5;

    private static readonly string[] Labels =
    [
        "tags:", "tagged:", "tagged with", "tagged", "keywords:", "key words:", "categories:", "category:",
        "filed under:", "filed under", "posted in", "topics:", "topic:", "themes:", "subjects:", "subject:", "labels:",
    ];

    /// <summary>A labelled list ("Tags: …", "Posted in …"): recognisable anywhere near a post's start or end.</summary>
    public static IReadOnlyList<string>? ReadLabelled(string trimmed)
    {
        if (trimmed.Length is 0 or > MaxLength)
        {
            return null;
        }
        foreach (var label in Labels)
        {
            if (trimmed.StartsWith(label, StringComparison.OrdinalIgnoreCase)
                && trimmed.Length > label.Length && (label[^1] == ':' || LineShape.IsSpace(trimmed[label.Length])))
            {
                // "| Leave a comment", "| 3 Comments" after the list are the listing's, not keywords; a further
                // labelled list is ("Posted in Devolution | Tagged mayors, referendums | 2 Comments").
                var parts = trimmed[label.Length..].Split('|');
                var items = Items(parts[0], allowLong: true);
                foreach (var part in parts.Skip(1))
                {
                    if (items is not null && ReadLabelled(LineShape.TrimSpaces(part)) is { } more)
                    {
                        items.AddRange(more);
                    }
                }
                return items;
            }
        }
        return null;
    }

    /// <summary>A bare comma-separated list of three or more short keywords, none ending like a sentence.</summary>
    public static IReadOnlyList<string>? ReadBare(string trimmed)
    {
        if (trimmed.Length is 0 or > MaxLength || LineShape.EndsLikeSentence(trimmed)
            || trimmed.Any(c => c is ':' or '“' or '”' or '"' or '(' or ')'))
        {
            return null;
        }
        var items = Items(trimmed, allowLong: false);
        return items is { Count: >= 3 } ? items : null;
    }

    private static List<string>? Items(string list, bool allowLong)
    {
        var items = new List<string>();
        foreach (var part in list.Split([',', ';']))
        {
            var item = LineShape.TrimSpaces(part);
            if (item.Length == 0)
            {
                return null;
            }
            var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (!allowLong && words > MaxWordsPerKeyword)
            {
                return null;
            }
            items.Add(item);
        }
        return items.Count > 0 ? items : null;
    }
}
