using LocalGovBlog.Web.Search;

namespace LocalGovBlog.UnitTests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("partnership", "\"partnership\"")]
    [InlineData("Café  ZOË", "\"cafe\" \"zoe\"")]
    [InlineData("\"combined authority\" mayor", "\"combined authority\" \"mayor\"")]
    [InlineData("“combined authority”", "\"combined authority\"")]
    [InlineData("co-production", "\"co production\"")]
    [InlineData("O’Brien", "\"o brien\"")]
    [InlineData("housing AND NOT OR", "\"housing\" \"and\" \"not\" \"or\"")]
    [InlineData("NEAR(a b, 2)", "\"near a\" \"b\" \"2\"")]
    [InlineData("title:housing", "\"title housing\"")]
    [InlineData("hous* ^lead -cuts", "\"hous\" \"lead\" \"cuts\"")]
    [InlineData("\"unbalanced phrase", "\"unbalanced phrase\"")]
    [InlineData("housing housing", "\"housing\"")]
    public void Parse_TurnsAnyTextIntoQuotedTermsAndPhrases(string typed, string match)
    {
        Assert.Equal(match, SearchQuery.Parse(typed).ToFts5Match());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("()*^:-")]
    public void Parse_OfNothingSearchable_IsEmpty(string? typed)
    {
        Assert.True(SearchQuery.Parse(typed).IsEmpty);
    }

    [Fact]
    public void Parse_CapsTermsAndTermLength()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 500).Select(i => "w" + i)) + " " + new string('x', 5000));

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.All(query.Terms.SelectMany(t => t), word => Assert.True(word.Length <= SearchQuery.MaxTermChars));
    }

    [Fact]
    public void Parse_CutsLongInputAtAWordBoundary_SoNoPartWordIsSearched()
    {
        // "partnership" straddles the 1,000-character limit: its first four letters fall inside it.
        var typed = "housing" + new string(' ', SearchQuery.MaxInputChars - 7 - 4) + "partnership";
        Assert.Equal(SearchQuery.MaxInputChars, typed.IndexOf("partnership", StringComparison.Ordinal) + 4);

        Assert.Equal("\"housing\"", SearchQuery.Parse(typed).ToFts5Match());
    }

    [Fact]
    public void Parse_KeepsAWordThatEndsExactlyAtTheLimit()
    {
        var typed = "housing" + new string(' ', SearchQuery.MaxInputChars - 7 - 4) + "part partnership";

        Assert.Equal("\"housing\" \"part\"", SearchQuery.Parse(typed).ToFts5Match());
    }

    [Fact]
    public void Parse_NeverLetsAQuoteIntoATerm()
    {
        var query = SearchQuery.Parse("a\"b\"c\" \"\"d \u201Ce\u201D'f'");

        Assert.All(query.Terms.SelectMany(t => t), word => Assert.True(word.All(char.IsLetterOrDigit), word));
    }
}

public sealed class SnippetHtmlTests
{
    [Fact]
    public void Render_EncodesTextAndMarksOnlyTheMatches()
    {
        var html = SnippetHtml.Render($"<b>Tom & Jerry</b> on {SnippetHtml.Open}partnership{SnippetHtml.Close}s");

        Assert.Equal("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; on <mark>partnership</mark>s", html);
    }

    [Fact]
    public void Render_ClosesAnUnclosedMarkAndIgnoresAStrayClose()
    {
        Assert.Equal("ab<mark>c</mark>", SnippetHtml.Render($"a{SnippetHtml.Close}b{SnippetHtml.Open}c"));
    }
}
