using LocalGovBlog.Web.Import;

namespace LocalGovBlog.Web.Pages.Import;

/// <summary>One kind of line in an import report (warnings, lines placed nowhere, notes), under a heading.</summary>
public sealed record ReportLines(string Heading, string Id, IEnumerable<DumpDiagnostic> Lines);
