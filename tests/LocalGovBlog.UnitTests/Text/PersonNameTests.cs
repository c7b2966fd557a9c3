using LocalGovBlog.Web.Text;

namespace LocalGovBlog.UnitTests.Text;

public class PersonNameTests
{
    [Fact]
    public void SearchForm_LetsZoeMullerFindZoeMullerOrsted()
    {
        Assert.Contains("zoe muller", PersonName.SearchForm("Zoë Müller-Ørsted"), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_IgnoresHonorificsCaseAndSpacing()
    {
        Assert.Equal(PersonName.Key("Professor Catherine Staite"), PersonName.Key("catherine  STAITE"));
        Assert.Equal(PersonName.Key("Catherine Staite"), PersonName.Key("Dr.\u00A0Catherine\u2009Staite"));
    }

    [Fact]
    public void Key_TellsDifferentPeopleApart()
    {
        Assert.NotEqual(PersonName.Key("Catherine Staite"), PersonName.Key("Catherine Mason"));
    }

    [Theory]
    [InlineData("Siobhán O'Brien")]
    [InlineData("Siobhán O‘Brien")]
    [InlineData("Siobhán Oʼbrien")]
    [InlineData("Siobhan OBrien")]
    public void Key_MakesOnePersonOfEveryApostropheSpelling(string spelling)
    {
        Assert.Equal(PersonName.Key("Siobhán O’Brien"), PersonName.Key(spelling));
    }

    [Theory]
    [InlineData("Dr. Jane Doe", "Dr.", "Jane Doe")]
    [InlineData("Rt Hon Lord Smith", "Rt Hon Lord", "Smith")]
    [InlineData("Professor\u00A0Catherine  Staite", "Professor", "Catherine Staite")]
    [InlineData("Lord", null, "Lord")]
    [InlineData("Jane Doe", null, "Jane Doe")]
    public void SplitHonorific_SeparatesTitlesFromTheName(string text, string? honorific, string name)
    {
        Assert.Equal((honorific, name), PersonName.SplitHonorific(text));
    }

    [Fact]
    public void QueryTerms_FoldsTheQueryAndDropsHonorificsAndRepeats()
    {
        Assert.Equal(["zoe", "muller"], PersonName.QueryTerms("Dr.  Zoë   müller zoe"));
        Assert.Empty(PersonName.QueryTerms("  "));
        Assert.Empty(PersonName.QueryTerms(null));
    }
}
