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

    private const int FlushBytes = 64 * 1024;

    // Synchronous: the XML goes to an in-memory buffer that is copied out asynchronously after each article (Kestrel
    // refuses synchronous writes), which costs far less than awaiting every element and attribute.
    private static readonly XmlWriterSettings Xml = new()
    {
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
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(codebook);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Xml))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(null, "CodeBook", CodebookNamespace);
            xml.WriteAttributeString(null, "origin", null, Origin);
            WriteCodes(xml, codebook, CodebookNamespace);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>What a project export says about itself.</summary>
    public sealed record ProjectHeader(string Name, DateTime CreatedUtc, string Description, ArchiveIris Iris);

    /// <summary>
    /// Writes the <c>.qdpx</c> zip: <c>project.qde</c> from one pass over <paramref name="articles"/>, then each
    /// article's text from <paramref name="sources"/> (the same articles, in the same order, without their tags).
    /// Both stream; the zip is written as it goes.
    /// </summary>
    /// <returns>How many selections (placed tags) the project holds and how many orphans were left out.</returns>
    public static async Task<(int Selections, int Orphans)> WriteProjectAsync(
        Stream output, ProjectHeader header, IReadOnlyList<ExportedTheme> codebook, IReadOnlyList<ExportedUser> users,
        IAsyncEnumerable<ExportedArticle> articles, IAsyncEnumerable<ExportedSource> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(sources);
        await using var buffer = new DeferredSyncWriteStream(output);
        (int, int) counts;
        await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var project = zip.CreateEntry("project.qde", CompressionLevel.Fastest);
            await using (var stream = await project.OpenAsync(cancellationToken))
            {
                counts = await WriteProjectDocumentAsync(stream, header, codebook, users, articles, cancellationToken);
            }
            await buffer.DrainAsync(cancellationToken);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            await foreach (var source in sources.WithCancellation(cancellationToken))
            {
                var entry = zip.CreateEntry($"sources/{SourceGuid(source.Id)}.txt", CompressionLevel.Fastest);
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await stream.WriteAsync(utf8.GetBytes(source.Text), cancellationToken);
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
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(codebook);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(articles);
        // GUIDs and times as text are made once per theme and person, not for every selection and coding.
        var themeGuids = codebook.ToDictionary(t => t.Slug, t => ThemeGuid(t).ToString(), StringComparer.Ordinal);
        var userGuids = users.ToDictionary(u => u.Id, u => StableGuid.ForUser(u.Id).ToString(), StringComparer.Ordinal);
        var (authorsVariable, publishedVariable, addressVariable) =
            (StableGuid.For("variable", "authors").ToString(), StableGuid.For("variable", "published").ToString(), StableGuid.For("variable", "address").ToString());
        var ns = ProjectNamespace;
        using var buffer = new MemoryStream();
        using var xml = XmlWriter.Create(buffer, Xml);
        xml.WriteStartDocument();
        xml.WriteStartElement(null, "Project", ns);
        xml.WriteAttributeString(null, "name", null, XmlSafeText.Clean(header.Name));
        xml.WriteAttributeString(null, "origin", null, Origin);
        xml.WriteAttributeString(null, "creationDateTime", null, Timestamp(header.CreatedUtc));

        if (users.Count > 0)
        {
            xml.WriteStartElement(null, "Users", ns);
            foreach (var user in users)
            {
                xml.WriteStartElement(null, "User", ns);
                xml.WriteAttributeString(null, "guid", null, userGuids[user.Id]);
                xml.WriteAttributeString(null, "name", null, XmlSafeText.Clean(user.Name));
                xml.WriteAttributeString(null, "id", null, header.Iris.User(user.Id));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        if (codebook.Count > 0)
        {
            xml.WriteStartElement(null, "CodeBook", ns);
            WriteCodes(xml, codebook, ns);
            xml.WriteEndElement();
        }
        xml.WriteStartElement(null, "Variables", ns);
        WriteVariable(xml, authorsVariable, "Authors", "Text", "The article's authors, as its byline names them.");
        WriteVariable(xml, publishedVariable, "Published", "Date", "The date the blog gave for the article.");
        WriteVariable(xml, addressVariable, "Address", "Text", "Where the article is read on LocalGovBlog.");
        xml.WriteEndElement();

        var (selections, orphans, sources) = (0, 0, 0);
        await foreach (var article in articles.WithCancellation(cancellationToken))
        {
            if (sources++ == 0)
            {
                xml.WriteStartElement(null, "Sources", ns);
            }
            xml.WriteStartElement(null, "TextSource", ns);
            var guid = SourceGuid(article.Id);
            xml.WriteAttributeString(null, "guid", null, guid.ToString());
            xml.WriteAttributeString(null, "name", null, XmlSafeText.Clean(article.Title));
            xml.WriteAttributeString(null, "plainTextPath", null, $"internal://{guid}.txt");
            xml.WriteAttributeString(null, "modifiedDateTime", null, Timestamp(article.UpdatedAtUtc));
            xml.WriteElementString(null, "Description", ns, XmlSafeText.Clean($"{article.Title}\n{header.Iris.Article(article.Slug)}"));
            foreach (var tag in article.Tags)
            {
                if (tag.IsOrphan)
                {
                    orphans++;
                    continue;
                }
                selections++;
                WriteSelection(xml, article, tag, userGuids, themeGuids, header.Iris);
            }
            if (article.Authors.Count > 0)
            {
                WriteValue(xml, authorsVariable, "TextValue", string.Join("; ", article.Authors.Select(a => a.Name)));
            }
            if (article.Published is { } published)
            {
                WriteValue(xml, publishedVariable, "DateValue", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            WriteValue(xml, addressVariable, "TextValue", header.Iris.Article(article.Slug));
            xml.WriteEndElement();
            await SendAsync(xml, buffer, output, FlushBytes, cancellationToken);
        }
        if (sources > 0)
        {
            xml.WriteEndElement();
        }
        var description = orphans == 0
            ? header.Description
            : $"{header.Description}\n{orphans} tagged passages whose words were no longer found in their article are not in this project (the W3C and CSV exports keep them, with their quotes).";
        xml.WriteElementString(null, "Description", ns, XmlSafeText.Clean(description));
        xml.WriteEndElement();
        xml.WriteEndDocument();
        await SendAsync(xml, buffer, output, 1, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return (selections, orphans);
    }

    /// <summary>Copies what the writer has buffered to <paramref name="output"/> once it holds at least <paramref name="atLeast"/> bytes.</summary>
    private static async Task SendAsync(XmlWriter xml, MemoryStream buffer, Stream output, int atLeast, CancellationToken cancellationToken)
    {
        xml.Flush();
        if (buffer.Length >= atLeast)
        {
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            buffer.SetLength(0);
        }
    }

    private static void WriteSelection(
        XmlWriter xml, ExportedArticle article, Api.AnnotationRow tag, Dictionary<string, string> userGuids, Dictionary<string, string> themeGuids, ArchiveIris iris)
    {
        var ns = ProjectNamespace;
        var user = userGuids.TryGetValue(tag.OwnerId, out var u) ? u : StableGuid.ForUser(tag.OwnerId).ToString();
        var created = Timestamp(tag.CreatedAtUtc);
        xml.WriteStartElement(null, "PlainTextSelection", ns);
        xml.WriteAttributeString(null, "guid", null, SelectionGuid(tag.Id).ToString());
        xml.WriteAttributeString(null, "name", null, XmlSafeText.Clean(Name(tag.Exact)));
        xml.WriteAttributeString(null, "startPosition", null, article.Offsets.ToCodePoints(tag.Start).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString(null, "endPosition", null, article.Offsets.ToCodePoints(tag.End).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString(null, "creatingUser", null, user);
        xml.WriteAttributeString(null, "creationDateTime", null, created);
        xml.WriteAttributeString(null, "modifyingUser", null, user);
        xml.WriteAttributeString(null, "modifiedDateTime", null, Timestamp(tag.UpdatedAtUtc));
        var passage = iris.Passage(article.Slug, tag.Id);
        xml.WriteElementString(null, "Description", ns, XmlSafeText.Clean(string.IsNullOrEmpty(tag.Note) ? passage : $"{tag.Note}\n\n{passage}"));
        foreach (var theme in tag.Themes)
        {
            if (!themeGuids.TryGetValue(theme.Slug, out var code))
            {
                continue;
            }
            xml.WriteStartElement(null, "Coding", ns);
            xml.WriteAttributeString(null, "guid", null, StableGuid.For("coding", $"{tag.Id}:{theme.Slug}").ToString());
            xml.WriteAttributeString(null, "creatingUser", null, user);
            xml.WriteAttributeString(null, "creationDateTime", null, created);
            xml.WriteStartElement(null, "CodeRef", ns);
            xml.WriteAttributeString(null, "targetGUID", null, code);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Codes nested one level under their broader theme; a theme whose parent is not exported stands at the top.</summary>
    private static void WriteCodes(XmlWriter xml, IReadOnlyList<ExportedTheme> codebook, string ns)
    {
        var ids = codebook.Select(t => t.Id).ToHashSet();
        xml.WriteStartElement(null, "Codes", ns);
        foreach (var theme in codebook.Where(t => t.ParentId is null || !ids.Contains(t.ParentId.Value)))
        {
            WriteCode(xml, theme, ns, open: true);
            foreach (var child in codebook.Where(t => t.ParentId == theme.Id))
            {
                WriteCode(xml, child, ns, open: false);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteCode(XmlWriter xml, ExportedTheme theme, string ns, bool open)
    {
        xml.WriteStartElement(null, "Code", ns);
        xml.WriteAttributeString(null, "guid", null, ThemeGuid(theme).ToString());
        xml.WriteAttributeString(null, "name", null, XmlSafeText.Clean(theme.Name));
        xml.WriteAttributeString(null, "isCodable", null, "true");
        if (ThemePalette.IsColor(theme.Color))
        {
            xml.WriteAttributeString(null, "color", null, theme.Color.ToUpperInvariant());
        }
        if (!string.IsNullOrWhiteSpace(theme.Description))
        {
            xml.WriteElementString(null, "Description", ns, XmlSafeText.Clean(theme.Description));
        }
        if (!open)
        {
            xml.WriteEndElement();
        }
    }

    private static void WriteVariable(XmlWriter xml, string guid, string name, string type, string description)
    {
        xml.WriteStartElement(null, "Variable", ProjectNamespace);
        xml.WriteAttributeString(null, "guid", null, guid);
        xml.WriteAttributeString(null, "name", null, name);
        xml.WriteAttributeString(null, "typeOfVariable", null, type);
        xml.WriteElementString(null, "Description", ProjectNamespace, description);
        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, string variable, string element, string value)
    {
        xml.WriteStartElement(null, "VariableValue", ProjectNamespace);
        xml.WriteStartElement(null, "VariableRef", ProjectNamespace);
        xml.WriteAttributeString(null, "targetGUID", null, variable);
        xml.WriteEndElement();
        xml.WriteElementString(null, element, ProjectNamespace, XmlSafeText.Clean(value));
        xml.WriteEndElement();
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
