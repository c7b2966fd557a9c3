using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>The lines a listing page puts around a post: dates, captions, keywords and end-of-excerpt markers.</summary>
public class ListingLineTests
{
    [Theory]
    [InlineData("27 November 2026", 2026, 11, 27)]
    [InlineData("27th of November 2026", 2026, 11, 27)]
    [InlineData("1st Dec. 2026", 2026, 12, 1)]
    [InlineData("November 27, 2026", 2026, 11, 27)]
    [InlineData("Sept 3 2019", 2019, 9, 3)]
    [InlineData("2026-11-27", 2026, 11, 27)]
    [InlineData("27\u00A0November\u00A02026", 2026, 11, 27)]
    public void DateText_ReadsWrittenDatesWhateverTheOrder(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryFind(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date.Resolve(DateOrder.DayFirst));
        Assert.Equal(new DateOnly(year, month, day), date.Resolve(DateOrder.MonthFirst));
    }

    [Theory]
    [InlineData("03/04/2019", 2019, 4, 3, 2019, 3, 4)]
    [InlineData("3.4.19", 2019, 4, 3, 2019, 3, 4)]
    [InlineData("27-11-2026", 2026, 11, 27, 0, 0, 0)]
    public void DateText_ReadsANumericDateByTheDumpsOrder(string text, int dy, int dm, int dd, int my, int mm, int md)
    {
        Assert.True(DateText.TryFind(text, out var date));
        Assert.Equal(new DateOnly(dy, dm, dd), date.Resolve(DateOrder.DayFirst));
        Assert.Equal(my == 0 ? null : new DateOnly(my, mm, md), date.Resolve(DateOrder.MonthFirst));
    }

    [Theory]
    [InlineData("27/11/2026", "DayFirst")]
    [InlineData("11/27/2026", "MonthFirst")]
    [InlineData("03/04/2019", null)]
    [InlineData("3 April 2019", null)]
    public void DateText_SaysWhichOrderANumericDateProves(string text, string? evidence)
    {
        Assert.True(DateText.TryFind(text, out var date));
        Assert.Equal(evidence, date.Evidence?.ToString());
    }

    [Theory]
    [InlineData("the 2016 deal")]
    [InlineData("Section 12/3 of the Act")]
    [InlineData("31 Smarch 2026")]
    [InlineData("Birmingham 2022 Commonwealth Games")]
    public void DateText_FindsNoDateInTextThatHasNone(string text) => Assert.False(DateText.TryFind(text, out _));

    [Theory]
    [InlineData("27 November 2026", null)]
    [InlineData("Posted on 27 November 2026", null)]
    [InlineData("Thursday 27 November 2026 at 10:30 am", null)]
    [InlineData("Posted on 03/04/2019 by Jo Bloggs.", "Jo Bloggs")]
    [InlineData("June 2, 2018 by Jo Bloggs", "Jo Bloggs")]
    [InlineData("June 2, 2018 | by Jo Bloggs and Sam Lee", "Jo Bloggs and Sam Lee")]
    [InlineData("By Jo Bloggs on 2 June 2018", "Jo Bloggs")]
    [InlineData("Posted on 21/06/2019 by admin.", "admin")]
    public void DateLine_ReadsTheDateAndTheNamesAfterBy(string line, string? names)
    {
        var read = DateLine.TryRead(line);

        Assert.NotNull(read);
        Assert.Equal(names, read.Names);
    }

    [Theory]
    [InlineData("In 2016 the deals were signed on 3 March 2016.")]
    [InlineData("The white paper of 7 February 2017")]
    [InlineData("Devolution deals, 2016 to 2026")]
    [InlineData("Budget day, 3 March 2026")]
    [InlineData("3 March 2026 – budget day")]
    public void DateLine_DoesNotTakeASentenceOrTitleWithADateInItForADateLine(string line) => Assert.Null(DateLine.TryRead(line));

    [Theory]
    [InlineData("[Image: https://blog.example.org/car.jpg]", true)]
    [InlineData("Picture source: Anytown Borough Council", true)]
    [InlineData("Photo: the town hall", true)]
    [InlineData("Photo by Jo Bloggs", true)]
    [InlineData("Image credit Anytown City Council", true)]
    [InlineData("Credit: Jo Bloggs", true)]
    [InlineData("© Anytown Borough Council", true)]
    [InlineData("https://blog.example.org/a/town-hall.webp?w=640", true)]
    [InlineData("Imagine a council without a budget", false)]
    [InlineData("Photographers and planners agree", false)]
    [InlineData("Pictures at an exhibition", false)]
    [InlineData("https://blog.example.org/report.pdf", false)]
    public void CaptionLine_KnowsALineAboutAPicture(string line, bool isCaption) => Assert.Equal(isCaption, CaptionLine.IsExplicit(line));

    [Theory]
    [InlineData("Tags: devolution, mayors", new[] { "devolution", "mayors" })]
    [InlineData("Posted in Devolution, Mayors | Leave a comment", new[] { "Devolution", "Mayors" })]
    [InlineData("Filed under: Scrutiny", new[] { "Scrutiny" })]
    [InlineData("Keywords: local government; austerity", new[] { "local government", "austerity" })]
    [InlineData("Labels: reorganisation, unitaries", new[] { "reorganisation", "unitaries" })]
    [InlineData("Posted in Devolution | Tagged mayors, referendums | 2 Comments", new[] { "Devolution", "mayors", "referendums" })]
    public void KeywordLine_ReadsALabelledList(string line, string[] keywords) => Assert.Equal(keywords, KeywordLine.ReadLabelled(line));

    [Theory]
    [InlineData("devolution, combined authorities, mayors", true)]
    [InlineData("Housing, Planning, Transport, Leisure", true)]
    [InlineData("devolution, mayors", false)]
    [InlineData("Councils cut, reorganised, and merged.", false)]
    [InlineData("Tagged: a, b, c", false)]
    public void KeywordLine_ReadsABareListOfThreeOrMoreShortKeywords(string line, bool isList) => Assert.Equal(isList, KeywordLine.ReadBare(line) is not null);

    [Theory]
    [InlineData("[1] HM Treasury, Devolution Deal, 2016.", "1")]
    [InlineData("[iv] Interviews, 2024.", "iv")]
    [InlineData("(2) Visitor Levy (Scotland) Act 2024.", "2")]
    [InlineData("[1]HM Treasury", null)]
    [InlineData("The [1] marker is inside", null)]
    public void Footnotes_ReadTheLabelANoteOpensWith(string text, string? label) => Assert.Equal(label, Footnotes.LabelAtStart(text));

    [Fact]
    public void Footnotes_FindEveryMarkerInTheText()
    {
        var markers = Footnotes.MarkersIn("Levies are unknown in England.[1] Edinburgh has one.[ii] See (3).").ToList();

        Assert.Equal(["1", "ii", "3"], markers.Select(marker => marker.Label));
        Assert.Equal("[1]", "Levies are unknown in England.[1] Edinburgh has one.[ii] See (3)."[markers[0].Start..markers[0].End]);
    }
}
