using System.Xml;

namespace LocalGovBlog.Web.Export;

/// <summary>A code read from a REFI-QDA codebook: its name, colour, description and the codes under it.</summary>
public sealed record CodebookEntry(string Name, string? Color, string? Description, IReadOnlyList<CodebookEntry> Children);

/// <summary>A file that is not a REFI-QDA codebook: refused whole.</summary>
public sealed class CodebookRejectedException(string message) : Exception(message);

/// <summary>
/// Reads a REFI-QDA codebook (<c>.qdc</c>: <c>CodeBook</c> in <c>urn:QDA-XML:codebook:1.0</c>, or the
/// <c>CodeBook</c> inside a <c>project.qde</c>) into codes with their sub-codes. Safe against hostile XML:
/// no DTDs, no external entities.
/// </summary>
public static class QdcCodebookReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 20_000_000,
    };

    public static async Task<IReadOnlyList<CodebookEntry>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var reader = XmlReader.Create(input, Settings);
            var document = new XmlDocument { XmlResolver = null };
            document.Load(reader);
            cancellationToken.ThrowIfCancellationRequested();
            var root = document.DocumentElement;
            var codes = root switch
            {
                { LocalName: "CodeBook", NamespaceURI: RefiQdaExport.CodebookNamespace } => Child(root, "Codes"),
                { LocalName: "Project", NamespaceURI: RefiQdaExport.ProjectNamespace } => Child(Child(root, "CodeBook"), "Codes"),
                _ => throw new CodebookRejectedException(
                    $"This is not a REFI-QDA codebook: its root element is <{root?.LocalName}> in '{root?.NamespaceURI}', not <CodeBook> in '{RefiQdaExport.CodebookNamespace}'."),
            };
            var entries = Codes(codes);
            return entries.Count == 0 ? throw new CodebookRejectedException("The codebook holds no codes.") : entries;
        }
        catch (XmlException ex)
        {
            throw new CodebookRejectedException($"The file is not well-formed XML (line {ex.LineNumber}): {ex.Message}");
        }
    }

    private static XmlElement? Child(XmlElement? parent, string name) =>
        parent?.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name && e.NamespaceURI == parent.NamespaceURI);

    private static List<CodebookEntry> Codes(XmlElement? parent) =>
        parent is null
            ? []
            : [.. parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Code").Select(code => new CodebookEntry(
                code.GetAttribute("name"),
                code.HasAttribute("color") ? code.GetAttribute("color") : null,
                Child(code, "Description")?.InnerText,
                Codes(code)))];
}
