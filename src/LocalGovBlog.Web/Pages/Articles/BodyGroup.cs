using LocalGovBlog.Web.Import;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// One element of the rendered body: a paragraph or quotation holds one block; a list holds the
/// consecutive list-item blocks of the same kind (bulleted or numbered); the notes hold consecutive footnotes.
/// </summary>
public sealed record BodyGroup(BlockKind Kind, bool Ordered, IReadOnlyList<BlockView> Blocks)
{
    public static IReadOnlyList<BodyGroup> From(IEnumerable<BlockView> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var groups = new List<BodyGroup>();
        List<BlockView>? items = null;
        foreach (var block in blocks)
        {
            var grouped = block.Kind is BlockKind.ListItem or BlockKind.Footnote;
            if (grouped && items is not null && items[^1].Kind == block.Kind && items[^1].Ordered == block.Ordered)
            {
                items.Add(block);
                continue;
            }
            items = grouped ? [block] : null;
            groups.Add(new BodyGroup(block.Kind, block.Ordered, items ?? [block]));
        }
        return groups;
    }
}
