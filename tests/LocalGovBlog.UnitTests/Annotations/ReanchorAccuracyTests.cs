using LocalGovBlog.Benchmarks.Accuracy;

namespace LocalGovBlog.UnitTests.Annotations;

/// <summary>
/// A slice of the accuracy benchmark (tests/LocalGovBlog.Benchmarks/Accuracy: two generated
/// articles per edit kind, the same seed), so that accuracy cannot slip without a test saying so.
/// The full run and its numbers are in docs/benchmarks.md.
/// </summary>
public class ReanchorAccuracyTests
{
    private static readonly List<AccuracyCase> Cases = [.. AccuracyCorpus.Cases(casesPerKind: 2)];

    [Fact]
    public void Slice_CoversEveryEditKind_WithTagsToKeepAndToOrphan()
    {
        Assert.Equal(AccuracyCorpus.EditKinds.Count, Cases.Select(c => c.EditKind).Distinct().Count());
        Assert.Contains(Cases.SelectMany(c => c.Tags), t => t.Expected.Survives);
        Assert.Contains(Cases.SelectMany(c => c.Tags), t => !t.Expected.Survives);
    }

    [Fact]
    public void Reanchoring_NeverPutsATagOnOtherWords_NorKeepsOneWhoseWordsWereDeleted()
    {
        var judged = AccuracyRun.Ours(Cases);
        var misses = judged.Where(j => j.Verdict is Verdict.WrongWords or Verdict.KeptAfterDeletion).ToList();
        Assert.True(misses.Count == 0, AccuracyRun.Misses(misses, "ours"));
        Assert.DoesNotContain(judged, j => j.Threw);
    }

    [Fact]
    public void Reanchoring_PlacesAtLeast97PercentCorrectly_AndMoreThanTheHypothesisMatcher()
    {
        var ours = AccuracyRun.Ours(Cases);
        var hypothesis = AccuracyRun.Hypothesis(Cases);
        var correct = ours.Count(j => j.Verdict == Verdict.Correct);
        Assert.True(correct >= 0.97 * ours.Count, AccuracyRun.Misses(ours, "ours"));
        Assert.True(correct > hypothesis.Count(j => j.Verdict == Verdict.Correct), AccuracyRun.Table(ours, hypothesis));
    }

    [Fact]
    public void GroundTruth_CountsAPassageWithThreeQuartersOfItsCharactersTogether_AsSurviving()
    {
        var text = new TracedText("one two three four five six seven eight");
        text.Replace(0, 7, "ONE TWO"); // 7 of 39 characters replaced: 82% survive
        Assert.True(ExpectedAnchor.For(text, text.CurrentPositions(), 0, 39).Survives);
        text.Replace(8, 19, "X"); // "three four " too: 21 of 39 survive, 54%
        Assert.False(ExpectedAnchor.For(text, text.CurrentPositions(), 0, 39).Survives);
    }
}
