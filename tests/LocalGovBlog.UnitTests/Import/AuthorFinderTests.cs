using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;

namespace LocalGovBlog.UnitTests.Import;

/// <summary>One author per person, however bylines spell them, each with a slug of their own.</summary>
public class AuthorFinderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static AuthorFinder Finder(List<Author> store) => new(
        (keys, _) => Task.FromResult(store.Where(author => keys.Contains(author.NameKey)).ToList()),
        (slug, _) => Task.FromResult(store.Any(author => author.Slug == slug)));

    private static Author Stored(string name, string slug) =>
        new() { Name = name, NameKey = LocalGovBlog.Web.Text.PersonName.Key(name), SearchName = name.ToLowerInvariant(), Slug = slug };

    [Fact]
    public async Task Finder_FindsTheStoredAuthorHoweverTheBylineSpellsTheName()
    {
        var staite = Stored("Catherine Staite", "catherine-staite");
        var created = new List<Author>();

        var found = await Finder([staite]).FindAsync(
            [new ParsedAuthor("CATHERINE  STAITE", "Professor"), new ParsedAuthor("Catherine\u00A0Staite", null, "OBE")], created, Cancel);

        Assert.Same(staite, Assert.Single(found).Value);
        Assert.Empty(created);
    }

    [Fact]
    public async Task Finder_MakesAnAuthorTheStoreLacksOnceWithAFreeSlug()
    {
        var store = new List<Author> { Stored("Jo Bloggs", "jo-bloggs") };
        var finder = Finder(store);
        var created = new List<Author>();

        var found = await finder.FindAsync([new ParsedAuthor("Jo Blöggs", null), new ParsedAuthor("Jo Blöggs", "Dr")], created, Cancel);

        // "Jo Blöggs" folds to the same key as "Jo Bloggs": the same person.
        Assert.Empty(created);
        Assert.Single(found);
        var others = await finder.FindAsync([new ParsedAuthor("Jo Bloggs-Smith", null), new ParsedAuthor("Sam Lee", null)], created, Cancel);
        Assert.Equal(["jo-bloggs-smith", "sam-lee"], created.Select(author => author.Slug));
        Assert.Equal(2, finder.Added);
        Assert.Equal(2, others.Count);
    }

    [Fact]
    public async Task Finder_GivesTwoPeopleWhoseNamesMakeTheSameSlugDifferentSlugs()
    {
        // Names that differ only in letters a slug cannot hold are different people with one slug base.
        var store = new List<Author> { Stored("Ann Lee", "ann-lee") };
        var created = new List<Author>();

        await Finder(store).FindAsync([new ParsedAuthor("Ann Lee 安", null), new ParsedAuthor("Ann Lee 李", null)], created, Cancel);

        Assert.Equal(["ann-lee-2", "ann-lee-3"], created.Select(author => author.Slug));
    }
}
