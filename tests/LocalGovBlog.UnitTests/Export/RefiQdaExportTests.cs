using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LocalGovBlog.Web.Export;

namespace LocalGovBlog.UnitTests.Export;

/// <summary>
/// The REFI-QDA files checked against the schema of the published specification (TestData/RefiQda, element
/// order, namespaces, required attributes, GUID and colour patterns) and against the rules the specification
/// states in words: every reference names something in the project, a text source's plainTextPath is a file
/// in the zip, selection positions count characters (code points) of that file, GUIDs are unique.
/// </summary>
public sealed class RefiQdaExportTests
{
    private static readonly XNamespace Project = RefiQdaExport.ProjectNamespace;
    private static readonly XNamespace Codebook = RefiQdaExport.CodebookNamespace;
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static RefiQdaExport.ProjectHeader Header => new("LocalGovBlog 2026-11-28", Now, "Everything", ExportSamples.Iris);

    /// <summary>Validates <paramref name="xml"/> against the schema; the list of errors is empty when it conforms.</summary>
    private static List<string> SchemaErrors(byte[] xml, string schema)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "TestData", "RefiQda", schema));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    private static async Task<byte[]> CodebookAsync(IReadOnlyList<ExportedTheme> codebook)
    {
        using var output = new MemoryStream();
        await RefiQdaExport.WriteCodebookAsync(output, codebook, Cancel);
        return output.ToArray();
    }

    private static async Task<(byte[] Qdpx, int Selections, int Orphans)> ProjectAsync(params ExportedArticle[] articles)
    {
        using var output = new MemoryStream();
        var (selections, orphans) = await RefiQdaExport.WriteProjectAsync(output, Header, ExportSamples.Codebook, ExportSamples.Users,
            ExportSamples.Stream(articles), articles.Select(a => new ExportedSource(a.Id, a.Text)).ToAsyncEnumerable(), Cancel);
        return (output.ToArray(), selections, orphans);
    }

    private static Dictionary<string, byte[]> Entries(byte[] qdpx)
    {
        using var zip = new ZipArchive(new MemoryStream(qdpx), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task Codebook_ConformsToTheQdcSchema_InItsNamespace()
    {
        var bytes = await CodebookAsync(ExportSamples.Codebook);

        Assert.Empty(SchemaErrors(bytes, "Codebook.xsd"));
        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        Assert.Equal(Codebook + "CodeBook", root.Name);
        Assert.Equal("LocalGovBlog", root.Attribute("origin")?.Value);
    }

    [Fact]
    public async Task Codebook_NestsANarrowerThemeUnderItsBroaderOne_WithColourAndDescription()
    {
        var root = XDocument.Load(new MemoryStream(await CodebookAsync(ExportSamples.Codebook))).Root!;
        var top = root.Element(Codebook + "Codes")!.Elements(Codebook + "Code").ToList();

        Assert.Equal(["Governance", "Finance, \"money\" & <budgets>"], top.Select(c => c.Attribute("name")!.Value));
        var governance = top[0];
        Assert.Equal(("true", "#1F77B4"), (governance.Attribute("isCodable")!.Value, governance.Attribute("color")!.Value));
        Assert.Equal("How places are run", governance.Element(Codebook + "Description")!.Value);
        var child = Assert.Single(governance.Elements(Codebook + "Code"));
        Assert.Equal(("Devolution", "#FF7F0E"), (child.Attribute("name")!.Value, child.Attribute("color")!.Value));
        // A colour that is not #RRGGBB is left out rather than written where the schema forbids it.
        Assert.Null(top[1].Attribute("color"));
    }

    [Fact]
    public async Task Codebook_GuidsAreTheSameOnEveryExport()
    {
        var first = XDocument.Load(new MemoryStream(await CodebookAsync(ExportSamples.Codebook)));
        var second = XDocument.Load(new MemoryStream(await CodebookAsync(ExportSamples.Codebook)));

        var guids = first.Descendants(Codebook + "Code").Select(c => c.Attribute("guid")!.Value).ToList();
        Assert.Equal(guids, second.Descendants(Codebook + "Code").Select(c => c.Attribute("guid")!.Value));
        Assert.Equal(3, guids.Distinct().Count());
    }

    [Fact]
    public async Task SchemaCheck_CatchesElementsOutOfOrder()
    {
        // The check must be able to fail: the same codebook with a code's Description after its child codes.
        var document = XDocument.Load(new MemoryStream(await CodebookAsync(ExportSamples.Codebook)));
        var governance = document.Descendants(Codebook + "Code").First();
        var description = governance.Element(Codebook + "Description")!;
        description.Remove();
        governance.Add(description);
        using var broken = new MemoryStream();
        document.Save(broken);

        Assert.Contains(SchemaErrors(broken.ToArray(), "Codebook.xsd"), e => e.Contains("Description", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Project_IsAZipOfProjectQdeAndEachArticlesText()
    {
        var (qdpx, selections, orphans) = await ProjectAsync(ExportSamples.Article(), ExportSamples.Plain());
        var entries = Entries(qdpx);

        Assert.Equal((2, 1), (selections, orphans));
        Assert.Contains("project.qde", entries.Keys);
        Assert.Equal(3, entries.Count);
        var sources = entries.Keys.Where(k => k.StartsWith("sources/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sources.Count);
        Assert.Contains(ExportSamples.EmojiText, sources.Select(s => Encoding.UTF8.GetString(entries[s])));
    }

    [Fact]
    public async Task ProjectQde_ConformsToTheProjectSchema_WithLfLineEndsAndNoCarriageReturns()
    {
        var (qdpx, _, _) = await ProjectAsync(ExportSamples.Article(), ExportSamples.Plain());
        var qde = Entries(qdpx)["project.qde"];

        Assert.Empty(SchemaErrors(qde, "Project.xsd"));
        Assert.DoesNotContain((byte)'\r', qde);
        Assert.Contains((byte)'\n', qde);
        Assert.NotEqual(0xEF, qde[0]); // no byte-order mark before <?xml
        var root = XDocument.Load(new MemoryStream(qde)).Root!;
        Assert.Equal(Project + "Project", root.Name);
        Assert.Equal(["Users", "CodeBook", "Variables", "Sources", "Description"], root.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task ProjectQde_EveryReferenceNamesSomethingInTheProject_AndGuidsAreUnique()
    {
        var (qdpx, _, _) = await ProjectAsync(ExportSamples.Article(), ExportSamples.Plain());
        var root = XDocument.Load(new MemoryStream(Entries(qdpx)["project.qde"])).Root!;

        var declared = root.Descendants().Where(e => e.Name.LocalName is not ("Coding") && e.Attribute("guid") is not null)
            .Select(e => e.Attribute("guid")!.Value).ToList();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        var codes = root.Descendants(Project + "Code").Select(c => c.Attribute("guid")!.Value).ToHashSet();
        var users = root.Descendants(Project + "User").Select(u => u.Attribute("guid")!.Value).ToHashSet();
        var variables = root.Descendants(Project + "Variable").Select(v => v.Attribute("guid")!.Value).ToHashSet();
        Assert.All(root.Descendants(Project + "CodeRef"), r => Assert.Contains(r.Attribute("targetGUID")!.Value, codes));
        Assert.All(root.Descendants(Project + "VariableRef"), r => Assert.Contains(r.Attribute("targetGUID")!.Value, variables));
        Assert.All(root.Descendants().Attributes().Where(a => a.Name.LocalName is "creatingUser" or "modifyingUser"),
            a => Assert.Contains(a.Value, users));
        Assert.Equal("https://archive.example/users/" + ExportSamples.OwnerId, root.Descendants(Project + "User").Single().Attribute("id")!.Value);
    }

    [Fact]
    public async Task Selections_CountCodePointsOfTheSourceFile_AndCarryTheirCodings()
    {
        var (qdpx, _, _) = await ProjectAsync(ExportSamples.Article());
        var entries = Entries(qdpx);
        var root = XDocument.Load(new MemoryStream(entries["project.qde"])).Root!;
        var source = root.Descendants(Project + "TextSource").Single();
        var path = source.Attribute("plainTextPath")!.Value;
        Assert.StartsWith("internal://", path, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(entries["sources/" + path["internal://".Length..]]);
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();

        var selections = source.Elements(Project + "PlainTextSelection").ToList();
        Assert.Equal(2, selections.Count); // the orphan has no place in the text, so no selection
        foreach (var selection in selections)
        {
            var start = int.Parse(selection.Attribute("startPosition")!.Value, CultureInfo.InvariantCulture);
            var end = int.Parse(selection.Attribute("endPosition")!.Value, CultureInfo.InvariantCulture);
            Assert.InRange(start, 0, end - 1);
            Assert.InRange(end, start + 1, runes.Length);
        }
        var first = selections[0];
        var (s, e) = (int.Parse(first.Attribute("startPosition")!.Value, CultureInfo.InvariantCulture), int.Parse(first.Attribute("endPosition")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal("devolution deals", string.Concat(runes[s..e]));
        Assert.Equal(2, first.Elements(Project + "Coding").Count());
        Assert.StartsWith(ExportSamples.FormulaNote, first.Element(Project + "Description")!.Value, StringComparison.Ordinal);
        Assert.Equal(["Jane Doe; Sam Roe", "2026-02-01", "https://archive.example/articles/emoji-article"],
            source.Elements(Project + "VariableValue").Select(v => v.Elements().Last().Value));
    }

    [Fact]
    public async Task ProjectDescription_SaysHowManyOrphanedTagsWereLeftOut()
    {
        var (qdpx, _, _) = await ProjectAsync(ExportSamples.Article());
        var root = XDocument.Load(new MemoryStream(Entries(qdpx)["project.qde"])).Root!;

        Assert.Contains("1 tagged passages", root.Element(Project + "Description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void XmlSafeText_DropsCharactersXmlCannotHold_AndKeepsSurrogatePairs()
    {
        Assert.Equal("a🎉b", XmlSafeText.Clean("a\u0001🎉\uD800b"));
    }
}
