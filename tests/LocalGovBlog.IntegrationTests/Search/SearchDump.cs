using System.Text;

namespace LocalGovBlog.IntegrationTests.Search;

/// <summary>Writes small dumps for search tests: each post a title, a byline, its paragraphs and "Continue reading".</summary>
internal sealed class SearchDump
{
    private readonly StringBuilder _text = new();

    public SearchDump Post(string title, string byline, params string[] paragraphs)
    {
        _text.Append(title).Append("\n\n").Append(byline).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            _text.Append(paragraph).Append("\n\n");
        }
        _text.Append("Continue reading\n\n");
        return this;
    }

    public override string ToString() => _text.ToString();
}
