using System.Text;
using LocalGovBlog.Web.Analysis;
using LocalGovBlog.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>/analysis/codebook: per theme its description, counts, top authors and three example passages,
/// printable (print CSS) and as Markdown (?format=md), under the same filters as the matrices.</summary>
public sealed class CodebookModel(AnalysisService analysis, ArchiveDbContext db) : AnalysisPage(analysis)
{
    public IReadOnlyList<CodebookEntry> Entries { get; private set; } = [];

    public IReadOnlyList<AuthorInfo> AuthorChoices { get; private set; } = [];

    public string ScopeLine { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        if (format is not (null or "" or "md"))
        {
            return NotFound();
        }
        if (!await ResolveAsync(cancellationToken))
        {
            return Page();
        }
        var scope = Scope!;
        var counted = CodebookReport.Count(Snapshot.Counted(scope.Filter), scope.Filter, scope.Themes);
        var authorIds = counted.SelectMany(c => c.TopAuthors.Select(a => a.AuthorId)).Distinct().ToList();
        var authors = await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id))
            .Select(a => new AuthorInfo(a.Id, a.Slug, a.Name)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var tagIds = counted.SelectMany(c => c.Examples.Select(e => e.TagId)).Distinct().ToList();
        var examples = await db.Annotations.AsNoTracking().Where(a => tagIds.Contains(a.Id))
            .Select(a => new ExamplePassage(a.Id, a.Exact, a.Article.Slug, a.Article.Title, a.Owner.UserName!))
            .ToDictionaryAsync(e => e.TagId, cancellationToken);
        Entries = [.. counted.Select(c => new CodebookEntry(c.Theme, c.Passages, c.Articles, c.Taggers,
            [.. c.TopAuthors.Select(a => (authors[a.AuthorId], a.Passages))],
            [.. c.Examples.Select(e => examples[e.TagId])]))];
        ScopeLine = Describe(scope);
        if (format == "md")
        {
            var site = new Uri($"{Request.Scheme}://{Request.Host}");
            return File(Encoding.UTF8.GetBytes(CodebookReport.Markdown(Entries, ScopeLine, site)), "text/markdown; charset=utf-8", "codebook-report.md");
        }
        AuthorChoices = await Analysis.AuthorsOfTaggedAsync(Snapshot, cancellationToken);
        return Page();
    }

    /// <summary>Whose tags and which articles the counts cover, in one sentence.</summary>
    private static string Describe(AnalysisScope scope)
    {
        var whose = scope.Filter.Taggers == TaggerScope.Mine ? "Counted from your own tags" : "Counted from everyone’s public tags";
        var by = scope.ChosenAuthors.Count == 0 ? "" : $" in articles by {string.Join(", ", scope.ChosenAuthors.Select(a => a.Name))}";
        var dates = (scope.Parameters.From, scope.Parameters.To) switch
        {
            (null, null) => "",
            ({ } from, null) => $", published from {from}",
            (null, { } to) => $", published up to {to}",
            ({ } from, { } to) => $", published {from} to {to}",
        };
        return $"{whose}{by}{dates}.";
    }
}
