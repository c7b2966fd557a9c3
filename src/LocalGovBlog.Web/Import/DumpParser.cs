namespace LocalGovBlog.Web.Import;

// TEMPORARY stand-in until the real parser lands (seed-shaped input only).
public static class DumpParser
{
    public static IEnumerable<DumpEntry> Parse(string text) => Parse(new StringReader(text));

    public static IEnumerable<DumpEntry> Parse(TextReader reader)
    {
        var blocks = new List<(string Text, int Line)>();
        string? line;
        var n = 0;
        while ((line = reader.ReadLine()) != null)
        {
            n++;
            line = line.Trim('\uFEFF', ' ', '\u00A0', '\t');
            if (line.Length > 0)
            {
                blocks.Add((line, n));
            }
        }
        var ordinal = 0;
        var i = 0;
        while (i + 1 < blocks.Count)
        {
            var title = blocks[i];
            var byline = blocks[i + 1];
            var parts = byline.Text.Split(',', 2);
            var name = parts[0].Trim();
            var role = parts.Length > 1 ? parts[1].Trim() : null;
            if (name.Contains(' ', StringComparison.Ordinal) && name.Split(' ').Length > 2)
            {
                role = string.Join(' ', name.Split(' ')[2..]);
                name = string.Join(' ', name.Split(' ')[..2]);
            }
            i += 2;
            var body = new List<ParsedBlock>();
            var bios = new List<ParsedBio>();
            var excerpt = false;
            while (i < blocks.Count)
            {
                var b = blocks[i];
                if (b.Text == "Continue reading") { excerpt = true; i++; break; }
                if (b.Text == name) { i++; if (i < blocks.Count && blocks[i].Text.StartsWith(name, StringComparison.Ordinal)) { bios.Add(new ParsedBio(0, blocks[i].Text, blocks[i].Line)); i++; } break; }
                var kind = body.Count > 0 && body[^1].Text.EndsWith(':') ? BlockKind.Quote : BlockKind.Paragraph;
                body.Add(new ParsedBlock(kind, b.Text, b.Line, b.Line));
                i++;
            }
            yield return new ParsedArticle
            {
                Ordinal = ordinal++, Title = title.Text, TitleLine = title.Line, Authors = [new ParsedAuthor(name, null)], BylineLine = byline.Line,
                Role = role, Blocks = body, IsExcerpt = excerpt, Bios = bios, LastLine = n,
            };
        }
    }
}
