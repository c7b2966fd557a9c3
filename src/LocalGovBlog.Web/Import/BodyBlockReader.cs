namespace LocalGovBlog.Web.Import;

/// <summary>
/// Turns one source block of a post's body into body blocks: a paragraph or quotation, and list items.
/// Ordinary lines before the first list marker are a paragraph; a line without a marker after a list
/// line continues that item.
/// </summary>
internal static class BodyBlockReader
{
    public static void Append(SourceBlock block, List<ParsedBlock> blocks, List<DumpDiagnostic> diagnostics)
    {
        var lines = block.Lines;
        var firstListLine = 0;
        while (firstListLine < lines.Count && !LineShape.IsListLine(lines[firstListLine].Text))
        {
            firstListLine++;
        }
        if (firstListLine > 0)
        {
            blocks.Add(Prose(lines, firstListLine, blocks.Count > 0 ? blocks[^1] : null));
        }
        ListItemInProgress? item = null;
        for (var i = firstListLine; i < lines.Count; i++)
        {
            var line = lines[i];
            if (LineShape.TryReadListMarker(line.Text, out var textStart, out var ordered))
            {
                item?.AddTo(blocks, diagnostics);
                item = new ListItemInProgress(line, textStart, ordered);
            }
            else
            {
                item!.Continue(line);
            }
        }
        item?.AddTo(blocks, diagnostics);
    }

    private static ParsedBlock Prose(IReadOnlyList<SourceLine> lines, int count, ParsedBlock? previous)
    {
        var text = count == 1
            ? LineShape.TrimSpaces(lines[0].Text)
            : string.Join(' ', lines.Take(count).Select(line => LineShape.TrimSpaces(line.Text)));
        var kind = IsQuotation(text, previous) ? BlockKind.Quote : BlockKind.Paragraph;
        return new ParsedBlock(kind, text, lines[0].Number, lines[count - 1].Number);
    }

    /// <summary>
    /// A quotation is introduced by a block ending in ':' and opens or closes with a quotation mark; the
    /// closing mark alone is enough because dumps lose opening marks (the seed has <c>…voted to leave”.</c>).
    /// A paragraph that opens with a quotation mark also continues a quotation left open above it.
    /// </summary>
    private static bool IsQuotation(string text, ParsedBlock? previous)
    {
        if (previous is null)
        {
            return false;
        }
        if (previous.Text.EndsWith(':'))
        {
            return LineShape.OpensWithQuote(text) || LineShape.ClosesWithQuote(text);
        }
        return previous.Kind == BlockKind.Quote && !LineShape.ClosesWithQuote(previous.Text) && LineShape.OpensWithQuote(text);
    }

    private sealed class ListItemInProgress(SourceLine markerLine, int textStart, bool ordered)
    {
        private readonly List<string> parts = [LineShape.TrimSpaces(markerLine.Text[textStart..])];
        private int lastLine = markerLine.Number;

        public void Continue(SourceLine line)
        {
            parts.Add(LineShape.TrimSpaces(line.Text));
            lastLine = line.Number;
        }

        public void AddTo(List<ParsedBlock> blocks, List<DumpDiagnostic> diagnostics)
        {
            var text = string.Join(' ', parts.Where(part => part.Length > 0));
            if (text.Length == 0)
            {
                diagnostics.Add(new DumpDiagnostic(
                    markerLine.Number, "a list marker with no text after it; the line was left out of the post", LineShape.TrimSpaces(markerLine.Text)));
                return;
            }
            blocks.Add(new ParsedBlock(BlockKind.ListItem, text, markerLine.Number, lastLine, ordered));
        }
    }
}
