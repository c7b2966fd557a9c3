using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using LocalGovBlog.Web.Annotations;

namespace LocalGovBlog.Web.Export;

/// <summary>
/// The REFI-QDA exchange formats that NVivo, ATLAS.ti, MAXQDA and QualCoder read: the codebook
/// (<c>.qdc</c>, <c>urn:QDA-XML:codebook:1.0</c>) and the project (<c>.qdpx</c>: a zip holding
/// <c>project.qde</c> in <c>urn:QDA-XML:project:1.0</c> and each article's text in <c>sources/</c>).
/// Elements come in the schema's order with its required attributes; GUIDs are stable across exports;
/// text and XML use LF line ends; selection positions count Unicode code points, as the W3C export does.
/// Orphaned tags (passage no longer found) are left out of the project, which can only hold placed selections.
/// </summary>
public static class RefiQdaExport
{
    public const string CodebookNamespace = "urn:QDA-XML:codebook:1.0";
    public const string ProjectNamespace = "urn:QDA-XML:project:1.0";
    public const string CodebookContentType = "application/xml; charset=utf-8";
    public const string ProjectContentType = "application/zip";
    public const string CodebookFileName = "localgovblog-codebook.qdc";
    public const string ProjectFileName = "localgovblog-project.qdpx";
    public const string Origin = "LocalGovBlog";

    private static readonly XmlWriterSettings Xml = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static Guid ThemeGuid(ExportedTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return StableGuid.For("theme", theme.Id.ToString(CultureInfo.InvariantCulture));
    }

    public static Guid SourceGuid(int articleId) => StableGuid.For("article", articleId.ToString(CultureInfo.InvariantCulture));

    public static Guid SelectionGuid(int tagId) => StableGuid.For("tag", tagId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes the codebook as a <c>.qdc</c> document.</summary>
    public static async Task WriteCodebookAsync(Stream output, IReadOnlyList<ExportedTheme> codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        await using var xml = XmlWriter.Create(output, Xml);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "CodeBook", CodebookNamespace);
        await xml.WriteAttributeStringAsync(null, "origin", null, Origin);
        await WriteCodesAsync(xml, codebook, CodebookNamespace);
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>What a project export says about itself.</summary>
    public sealed record ProjectHeader(string Name, DateTime CreatedUtc, string Description, ArchiveIris Iris);

    /// <summary>
    /// Writes the <c>.qdpx</c> zip: <c>project.qde</c> from one pass over <paramref name="articles"/>, then each
    /// article's text from a second pass. Both stream; the zip is written as it goes.
    /// </summary>
    /// <returns>How many selections (placed tags) the project holds and how many orphans were left out.</returns>
    public static async Task<(int Selections, int Orphans)> WriteProjectAsync(
        Stream output, ProjectHeader header, IReadOnlyList<ExportedTheme> codebook, IReadOnlyList<ExportedUser> users,
        Func<IAsyncEnumerable<ExportedArticle>> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        await using var buffer = new DeferredSyncWriteStream(output);
        (int, int) counts;
        await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var project = zip.CreateEntry("project.qde", CompressionLevel.Fastest);
            await using (var stream = await project.OpenAsync(cancellationToken))
            {
                counts = await WriteProjectDocumentAsync(stream, header, codebook, users, articles(), cancellationToken);
            }
            await buffer.DrainAsync(cancellationToken);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            await foreach (var article in articles().WithCancellation(cancellationToken))
            {
                var entry = zip.CreateEntry($"sources/{SourceGuid(article.Id)}.txt", CompressionLevel.Fastest);
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await stream.WriteAsync(utf8.GetBytes(article.Text), cancellationToken);
                }
                await buffer.DrainAsync(cancellationToken);
            }
        }
        await buffer.DrainAsync(cancellationToken);
        return counts;
    }

    /// <summary>Writes <c>project.qde</c> alone; <see cref="WriteProjectAsync"/> puts it in the zip.</summary>
    public static async Task<(int Selections, int Orphans)> WriteProjectDocumentAsync(
        Stream output, ProjectHeader header, IReadOnlyList<ExportedTheme> codebook, IReadOnlyList<ExportedUser> users,
        IAsyncEnumerable<ExportedArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(articles);
        var themeGuids = codebook.ToDictionary(t => t.Slug, ThemeGuid, StringComparer.Ordinal);
        var userGuids = users.ToDictionary(u => u.Id, u => StableGuid.ForUser(u.Id), StringComparer.Ordinal);
        var (authorsVariable, publishedVariable, addressVariable) =
            (StableGuid.For("variable", "authors"), StableGuid.For("variable", "published"), StableGuid.For("variable", "address"));
        var ns = ProjectNamespace;
        await using var xml = XmlWriter.Create(output, Xml);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "Project", ns);
        await xml.WriteAttributeStringAsync(null, "name", null, XmlSafeText.Clean(header.Name));
        await xml.WriteAttributeStringAsync(null, "origin", null, Origin);
        await xml.WriteAttributeStringAsync(null, "creationDateTime", null, Timestamp(header.CreatedUtc));

        if (users.Count > 0)
        {
            await xml.WriteStartElementAsync(null, "Users", ns);
            foreach (var user in users)
            {
                await xml.WriteStartElementAsync(null, "User", ns);
                await xml.WriteAttributeStringAsync(null, "guid", null, userGuids[user.Id].ToString());
                await xml.WriteAttributeStringAsync(null, "name", null, XmlSafeText.Clean(user.Name));
                await xml.WriteAttributeStringAsync(null, "id", null, header.Iris.User(user.Id));
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }
        if (codebook.Count > 0)
        {
            await xml.WriteStartElementAsync(null, "CodeBook", ns);
            await WriteCodesAsync(xml, codebook, ns);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteStartElementAsync(null, "Variables", ns);
        await WriteVariableAsync(xml, authorsVariable, "Authors", "Text", "The article's authors, as its byline names them.");
        await WriteVariableAsync(xml, publishedVariable, "Published", "Date", "The date the blog gave for the article.");
        await WriteVariableAsync(xml, addressVariable, "Address", "Text", "Where the article is read on LocalGovBlog.");
        await xml.WriteEndElementAsync();

        var (selections, orphans, sources) = (0, 0, 0);
        await foreach (var article in articles.WithCancellation(cancellationToken))
        {
            if (sources++ == 0)
            {
                await xml.WriteStartElementAsync(null, "Sources", ns);
            }
            await xml.WriteStartElementAsync(null, "TextSource", ns);
            var guid = SourceGuid(article.Id);
            await xml.WriteAttributeStringAsync(null, "guid", null, guid.ToString());
            await xml.WriteAttributeStringAsync(null, "name", null, XmlSafeText.Clean(article.Title));
            await xml.WriteAttributeStringAsync(null, "plainTextPath", null, $"internal://{guid}.txt");
            await xml.WriteAttributeStringAsync(null, "modifiedDateTime", null, Timestamp(article.UpdatedAtUtc));
            await xml.WriteElementStringAsync(null, "Description", ns, XmlSafeText.Clean($"{article.Title}\n{header.Iris.Article(article.Slug)}"));
            foreach (var tag in article.Tags)
            {
                if (tag.IsOrphan)
                {
                    orphans++;
                    continue;
                }
                selections++;
                await WriteSelectionAsync(xml, article, tag, userGuids, themeGuids, header.Iris);
            }
            if (article.Authors.Count > 0)
            {
                await WriteValueAsync(xml, authorsVariable, "TextValue", string.Join("; ", article.Authors.Select(a => a.Name)));
            }
            if (article.Published is { } published)
            {
                await WriteValueAsync(xml, publishedVariable, "DateValue", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            await WriteValueAsync(xml, addressVariable, "TextValue", header.Iris.Article(article.Slug));
            await xml.WriteEndElementAsync();
            if (sources % 200 == 0)
            {
                await xml.FlushAsync();
            }
        }
        if (sources > 0)
        {
            await xml.WriteEndElementAsync();
        }
        var description = orphans == 0
            ? header.Description
            : $"{header.Description}\n{orphans} tagged passages whose words were no longer found in their article are not in this project (the W3C and CSV exports keep them, with their quotes).";
        await xml.WriteElementStringAsync(null, "Description", ns, XmlSafeText.Clean(description));
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return (selections, orphans);
    }

    private static async Task WriteSelectionAsync(
        XmlWriter xml, ExportedArticle article, Api.AnnotationRow tag, Dictionary<string, Guid> userGuids, Dictionary<string, Guid> themeGuids, ArchiveIris iris)
    {
        var ns = ProjectNamespace;
        var user = userGuids.TryGetValue(tag.OwnerId, out var u) ? u : StableGuid.ForUser(tag.OwnerId);
        await xml.WriteStartElementAsync(null, "PlainTextSelection", ns);
        await xml.WriteAttributeStringAsync(null, "guid", null, SelectionGuid(tag.Id).ToString());
        await xml.WriteAttributeStringAsync(null, "name", null, XmlSafeText.Clean(Name(tag.Exact)));
        await xml.WriteAttributeStringAsync(null, "startPosition", null, TextOffsets.ToCodePoints(article.Text, tag.Start).ToString(CultureInfo.InvariantCulture));
        await xml.WriteAttributeStringAsync(null, "endPosition", null, TextOffsets.ToCodePoints(article.Text, tag.End).ToString(CultureInfo.InvariantCulture));
        await xml.WriteAttributeStringAsync(null, "creatingUser", null, user.ToString());
        await xml.WriteAttributeStringAsync(null, "creationDateTime", null, Timestamp(tag.CreatedAtUtc));
        await xml.WriteAttributeStringAsync(null, "modifyingUser", null, user.ToString());
        await xml.WriteAttributeStringAsync(null, "modifiedDateTime", null, Timestamp(tag.UpdatedAtUtc));
        var description = string.IsNullOrEmpty(tag.Note) ? iris.Passage(article.Slug, tag.Id) : $"{tag.Note}\n\n{iris.Passage(article.Slug, tag.Id)}";
        await xml.WriteElementStringAsync(null, "Description", ns, XmlSafeText.Clean(description));
        foreach (var theme in tag.Themes)
        {
            if (!themeGuids.TryGetValue(theme.Slug, out var code))
            {
                continue;
            }
            await xml.WriteStartElementAsync(null, "Coding", ns);
            await xml.WriteAttributeStringAsync(null, "guid", null, StableGuid.For("coding", $"{tag.Id}:{theme.Slug}").ToString());
            await xml.WriteAttributeStringAsync(null, "creatingUser", null, user.ToString());
            await xml.WriteAttributeStringAsync(null, "creationDateTime", null, Timestamp(tag.CreatedAtUtc));
            await xml.WriteStartElementAsync(null, "CodeRef", ns);
            await xml.WriteAttributeStringAsync(null, "targetGUID", null, code.ToString());
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    /// <summary>Codes nested one level under their broader theme; a theme whose parent is not exported stands at the top.</summary>
    private static async Task WriteCodesAsync(XmlWriter xml, IReadOnlyList<ExportedTheme> codebook, string ns)
    {
        var ids = codebook.Select(t => t.Id).ToHashSet();
        await xml.WriteStartElementAsync(null, "Codes", ns);
        foreach (var theme in codebook.Where(t => t.ParentId is null || !ids.Contains(t.ParentId.Value)))
        {
            await WriteCodeAsync(xml, theme, ns, open: true);
            foreach (var child in codebook.Where(t => t.ParentId == theme.Id))
            {
                await WriteCodeAsync(xml, child, ns, open: false);
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteCodeAsync(XmlWriter xml, ExportedTheme theme, string ns, bool open)
    {
        await xml.WriteStartElementAsync(null, "Code", ns);
        await xml.WriteAttributeStringAsync(null, "guid", null, ThemeGuid(theme).ToString());
        await xml.WriteAttributeStringAsync(null, "name", null, XmlSafeText.Clean(theme.Name));
        await xml.WriteAttributeStringAsync(null, "isCodable", null, "true");
        if (ThemePalette.IsColor(theme.Color))
        {
            await xml.WriteAttributeStringAsync(null, "color", null, theme.Color.ToUpperInvariant());
        }
        if (!string.IsNullOrWhiteSpace(theme.Description))
        {
            await xml.WriteElementStringAsync(null, "Description", ns, XmlSafeText.Clean(theme.Description));
        }
        if (!open)
        {
            await xml.WriteEndElementAsync();
        }
    }

    private static async Task WriteVariableAsync(XmlWriter xml, Guid guid, string name, string type, string description)
    {
        await xml.WriteStartElementAsync(null, "Variable", ProjectNamespace);
        await xml.WriteAttributeStringAsync(null, "guid", null, guid.ToString());
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteAttributeStringAsync(null, "typeOfVariable", null, type);
        await xml.WriteElementStringAsync(null, "Description", ProjectNamespace, description);
        await xml.WriteEndElementAsync();
    }

    private static async Task WriteValueAsync(XmlWriter xml, Guid variable, string element, string value)
    {
        await xml.WriteStartElementAsync(null, "VariableValue", ProjectNamespace);
        await xml.WriteStartElementAsync(null, "VariableRef", ProjectNamespace);
        await xml.WriteAttributeStringAsync(null, "targetGUID", null, variable.ToString());
        await xml.WriteEndElementAsync();
        await xml.WriteElementStringAsync(null, element, ProjectNamespace, XmlSafeText.Clean(value));
        await xml.WriteEndElementAsync();
    }

    /// <summary>A selection's name: the start of its quote on one line.</summary>
    private static string Name(string exact)
    {
        var line = string.Join(' ', exact.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 60 ? line : line[..60].TrimEnd() + "…";
    }

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Text made safe for XML 1.0: characters it cannot hold (most control characters, lone surrogates) are dropped.</summary>
public static class XmlSafeText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            var valid = pair || XmlConvert.IsXmlChar(text[i]);
            if (!valid && clean is null)
            {
                clean = new StringBuilder(text.Length).Append(text, 0, i);
            }
            if (valid)
            {
                clean?.Append(text[i]);
                if (pair)
                {
                    clean?.Append(text[i + 1]);
                    i++;
                }
            }
        }
        return clean?.ToString() ?? text;
    }
}
