using System.Security.Claims;
using LocalGovBlog.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalGovBlog.Web.Analysis;

public sealed record ThemeInfo(int Id, string Slug, string Name, string Color, string? Description);

public sealed record AuthorInfo(int Id, string Slug, string Name);

/// <summary>A parameter the reader got wrong, and the HTTP status that says so.</summary>
public sealed record AnalysisProblem(string Field, string Message, int Status = StatusCodes.Status400BadRequest);

/// <summary>Parameters checked and resolved: the filter, the themes in play, the chosen authors.</summary>
public sealed record AnalysisScope(
    AnalysisParameters Parameters, AnalysisFilter Filter, IReadOnlyList<ThemeInfo> Codebook, IReadOnlyList<ThemeInfo> Themes,
    IReadOnlyList<AuthorInfo> ChosenAuthors, CoOccurrenceMode Mode, int Top);

/// <summary>
/// The one home of the analysis for the page, the CSV downloads and the API: reads the parameters (each
/// problem in plain words), and turns the snapshot into the three matrices.
/// </summary>
public sealed class AnalysisService(ArchiveDbContext db, AnalysisStore store)
{
    public Task<AnalysisSnapshot> SnapshotAsync(CancellationToken cancellationToken) => store.GetAsync(cancellationToken);

    public async Task<(AnalysisScope? Scope, IReadOnlyList<AnalysisProblem> Problems)> ResolveAsync(
        AnalysisParameters parameters, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(user);
        var problems = new List<AnalysisProblem>();
        var codebook = await CodebookAsync(cancellationToken);
        var themes = codebook;
        if (parameters.Themes.Count > 0)
        {
            var unknown = parameters.Themes.Where(s => !codebook.Any(t => string.Equals(t.Slug, s, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
            {
                problems.Add(new("theme", $"The codebook has no theme {Quoted(unknown)}."));
            }
            themes = [.. codebook.Where(t => parameters.Themes.Contains(t.Slug, StringComparer.OrdinalIgnoreCase))];
        }
        var slugs = parameters.Authors.Select(a => a.ToLowerInvariant()).ToList();
        var authors = slugs.Count == 0 ? [] : await db.Authors.AsNoTracking().Where(a => slugs.Contains(a.Slug))
            .Select(a => new AuthorInfo(a.Id, a.Slug, a.Name)).ToListAsync(cancellationToken);
        var missing = slugs.Where(s => !authors.Any(a => a.Slug == s)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new("author", $"No author has the address {Quoted(missing)}."));
        }
        authors = [.. slugs.Select(s => authors.FirstOrDefault(a => a.Slug == s)).OfType<AuthorInfo>()];
        var taggers = AnalysisParameters.ParseTaggers(parameters.Taggers);
        var viewer = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (taggers is null)
        {
            problems.Add(new("taggers", $"Taggers must be 'everyone' or 'mine', not '{parameters.Taggers}'."));
        }
        else if (taggers == TaggerScope.Mine && viewer is null)
        {
            problems.Add(new("taggers", "Sign in to analyse your own tags.", StatusCodes.Status401Unauthorized));
        }
        if (!AnalysisParameters.TryParseDate(parameters.From, end: false, out var from))
        {
            problems.Add(new("from", $"'{parameters.From}' is not a date: write it as 2019-05-17 or 2019-05."));
        }
        if (!AnalysisParameters.TryParseDate(parameters.To, end: true, out var to))
        {
            problems.Add(new("to", $"'{parameters.To}' is not a date: write it as 2019-05-17 or 2019-05."));
        }
        if (from > to)
        {
            problems.Add(new("to", "The end of the date range is before its start."));
        }
        var mode = AnalysisParameters.ParseMode(parameters.Mode);
        if (mode is null)
        {
            problems.Add(new("mode", $"Mode must be 'passage', 'overlap' or 'article', not '{parameters.Mode}'."));
        }
        var top = AnalysisParameters.DefaultTop;
        if (parameters.Top is not null && (!int.TryParse(parameters.Top, System.Globalization.CultureInfo.InvariantCulture, out top) || top < 1 || top > AnalysisParameters.MaxTop))
        {
            problems.Add(new("top", $"Top must be a whole number from 1 to {AnalysisParameters.MaxTop}."));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var filter = new AnalysisFilter(
            parameters.Themes.Count == 0 ? null : themes.Select(t => t.Id).ToHashSet(),
            authors.Count == 0 ? null : authors.Select(a => a.Id).ToHashSet(),
            taggers!.Value, viewer, from, to);
        return (new AnalysisScope(parameters, filter, codebook, themes, authors, mode!.Value, top), []);
    }

    /// <summary>Themes × authors: passages and articles per cell; the chosen authors, or the most tagged ones.</summary>
    public async Task<MatrixTable> ThemesByAuthorAsync(AnalysisSnapshot snapshot, AnalysisScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var tab = Counts(snapshot, scope).ByAuthor;
        IReadOnlyList<AuthorInfo> columns = scope.ChosenAuthors;
        if (columns.Count == 0)
        {
            var weights = tab.ColumnWeights;
            var ids = weights.Keys.ToList();
            var names = await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new AuthorInfo(a.Id, a.Slug, a.Name)).ToListAsync(cancellationToken);
            columns = [.. names.OrderByDescending(a => weights[a.Id]).ThenBy(a => a.Name, StringComparer.CurrentCulture).Take(scope.Top)];
        }
        var query = scope.Parameters;
        return new MatrixTable("authors", "Tagged passages by theme and author", "Theme", "Author", "passages",
            [.. scope.Themes.Select(Row)],
            [.. columns.Select(a => new MatrixAxis(a.Slug, a.Name))],
            [.. scope.Themes.Select(t => (IReadOnlyList<MatrixCell>)[.. columns.Select(a => Cell(tab[t.Id, a.Id], Passages(query, t.Slug, ("by", a.Slug))))])],
            [.. scope.Themes.Select(t => Cell(tab.RowTotal(t.Id), Passages(query, t.Slug)))]);
    }

    /// <summary>Themes × months of publication, every month from the first to the last that has a tagged passage.</summary>
    public static MatrixTable ThemesByMonth(AnalysisSnapshot snapshot, AnalysisScope scope)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var counts = Counts(snapshot, scope);
        var (tab, months) = (counts.ByMonth, counts.Months);
        var query = scope.Parameters;
        return new MatrixTable("months", "Tagged passages by theme and month of publication", "Theme", "Month", "passages",
            [.. scope.Themes.Select(Row)],
            [.. months.Select(m => new MatrixAxis(CodedArticle.MonthKey(m), m.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))))],
            [.. scope.Themes.Select(t => (IReadOnlyList<MatrixCell>)[.. months.Select(m => Cell(tab[t.Id, CodedArticle.MonthKey(m)], Passages(query, t.Slug, ("in", CodedArticle.MonthKey(m)))))])]);
    }

    /// <summary>Themes × themes in the scope's co-occurrence mode.</summary>
    public static MatrixTable CoOccurrenceOf(AnalysisSnapshot snapshot, AnalysisScope scope)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var counted = snapshot.Remember($"co|{scope.Mode}|{scope.Filter.Key}", s => s.CountCoOccurrence(scope.Filter, scope.Mode));
        var mode = AnalysisParameters.ModeName(scope.Mode);
        var (caption, unit) = scope.Mode switch
        {
            CoOccurrenceMode.Overlapping => ("Themes coded on overlapping passages", "pairs of passages"),
            CoOccurrenceMode.SameArticle => ("Themes coded in the same article", "articles"),
            _ => ("Themes coded on the same passage", "passages"),
        };
        var query = scope.Parameters;
        return new MatrixTable("cooccurrence", caption, "Theme", "Theme", unit,
            [.. scope.Themes.Select(Row)], [.. scope.Themes.Select(Row)],
            [.. scope.Themes.Select(a => (IReadOnlyList<MatrixCell>)[.. scope.Themes.Select(b =>
                new MatrixCell(counted[a.Id, b.Id], null, Passages(query, a.Slug, ("with", b.Slug), ("mode", mode))))])])
        {
            Max = counted.MaxOffDiagonal,
        };
    }

    /// <summary>Passages counted (with at least one of the counted themes), and how many of them are in undated articles.</summary>
    public static (int Counted, int Undated) Totals(AnalysisSnapshot snapshot, AnalysisScope scope)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var counts = Counts(snapshot, scope);
        return (counts.Counted, counts.Undated);
    }

    /// <summary>Themes × authors, themes × months and the totals come from one walk, remembered per filter.</summary>
    private static ThemeCounts Counts(AnalysisSnapshot snapshot, AnalysisScope scope) =>
        snapshot.Remember("themes|" + scope.Filter.Key, s => s.CountThemes(scope.Filter));

    /// <summary>Every author with a tagged article, by name: the choices of the author filter.</summary>
    public async Task<IReadOnlyList<AuthorInfo>> AuthorsOfTaggedAsync(AnalysisSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var ids = snapshot.Remember("tagged-authors", s => s.Articles.Values.SelectMany(a => a.AuthorIds).ToHashSet());
        return await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new AuthorInfo(a.Id, a.Slug, a.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ThemeInfo>> CodebookAsync(CancellationToken cancellationToken) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new ThemeInfo(t.Id, t.Slug, t.Name, t.Color, t.Description)).ToListAsync(cancellationToken);

    /// <summary>Every month from the earliest to the latest date, at most twenty years' worth (the latest ones).</summary>
    public static IReadOnlyList<DateOnly> MonthSpan(IEnumerable<DateOnly> dates)
    {
        var list = dates.ToList();
        if (list.Count == 0)
        {
            return [];
        }
        var first = new DateOnly(list.Min().Year, list.Min().Month, 1);
        var last = new DateOnly(list.Max().Year, list.Max().Month, 1);
        var months = new List<DateOnly>();
        for (var m = last; m >= first && months.Count < 240; m = m.AddMonths(-1))
        {
            months.Add(m);
        }
        months.Reverse();
        return months;
    }

    private static MatrixAxis Row(ThemeInfo theme) => new(theme.Slug, theme.Name, theme.Slug);

    private static MatrixCell Cell(CellCount count, string href) => new(count.Passages, count.Articles, href);

    private static string Passages(AnalysisParameters query, string theme, params (string, string?)[] more) =>
        "/analysis/passages?" + query.ToQuery([("of", theme), .. more]);

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
