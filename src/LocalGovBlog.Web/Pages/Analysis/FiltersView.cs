using LocalGovBlog.Web.Analysis;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LocalGovBlog.Web.Pages.Analysis;

/// <summary>What the filter form needs: the parameters as typed, the choices, and fields the page must carry along.</summary>
public sealed record FiltersView(
    string Action, AnalysisParameters Parameters, IReadOnlyList<ThemeInfo> Codebook, IReadOnlyList<AuthorInfo> Authors,
    bool SignedIn, ModelStateDictionary State, IReadOnlyList<(string Name, string Value)> Hidden, bool ShowTaggers = true)
{
    public FiltersView(AnalysisPage page, IReadOnlyList<AuthorInfo> authors, IReadOnlyList<(string Name, string Value)> hidden, bool showTaggers = true)
        : this(page?.Request.Path.Value ?? "/analysis", page!.Parameters, page.Scope?.Codebook ?? page.Codebook, authors, page.SignedIn, page.ModelState, hidden, showTaggers)
    {
    }

    public bool Invalid(string field) => State.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    /// <summary>The page's own fields without the filters.</summary>
    public string ClearQuery => Hidden.Count == 0 ? "" : "?" + string.Join('&', Hidden.Select(h => $"{h.Name}={Uri.EscapeDataString(h.Value)}"));
}
