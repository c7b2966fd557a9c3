namespace LocalGovBlog.Web.Data;

/// <summary>The starting codebook every new archive ships with (seeded by the migration).</summary>
public static class ThemeCodebook
{
    private static readonly DateTime Seeded = new(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

    public static readonly Theme[] Seed =
    [
        Make(1, "partnership", "Partnership", "#2f6fb3", "Councils working with other public bodies, business and the voluntary sector."),
        Make(2, "devolution", "Devolution", "#7b4fb8", "Powers and money moving from Whitehall to combined authorities, mayors and councils."),
        Make(3, "brexit", "Brexit", "#c0392b", "Leaving the European Union and what it means for places, funding and regulation."),
        Make(4, "austerity", "Austerity", "#9a7412", "Spending cuts since 2010 and how councils have absorbed or resisted them."),
        Make(5, "leadership", "Leadership", "#1f8a70", "Political and managerial leadership: leaders, chief executives, mayors."),
        Make(6, "co-production", "Co-production", "#d9730d", "Designing and delivering services together with the people who use them."),
        Make(7, "accountability", "Accountability", "#55677a", "Scrutiny, audit, transparency and who answers to whom."),
        Make(8, "local-finance", "Local finance", "#2e8b3a", "Council tax, business rates, grants and the financial sustainability of councils."),
        Make(9, "housing", "Housing", "#b8457a", "Homes, planning, homelessness and the housing market."),
        Make(10, "health-and-care", "Health and care", "#0f8fa8", "Adult social care, public health and integration with the NHS."),
    ];

    private static Theme Make(int id, string slug, string name, string color, string description) => new()
    {
        Id = id,
        Slug = slug,
        Name = name,
        Color = color,
        Description = description,
        CreatedAtUtc = Seeded,
    };
}
