namespace NetworkAnalysis.Core.Tests.Extraction.PublicCases;

public sealed class PublicCaseExceptionsTests
{
    [Fact]
    public void File_EveryLineWellFormed_CountsPerSourceAsPinned()
    {
        // Given the exception list (no shared test data needed: this guards the list itself)
        var entries = PublicCaseExceptions.Load();

        // When counted per source
        var counts = entries.Keys.GroupBy(k => k[..k.IndexOf(' ', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        // Then every source is one a test runs, and each has exactly the pinned number of entries: a line added or
        // removed without changing PublicCaseExceptions.Counts fails here
        counts.Keys.ShouldBeSubsetOf(PublicCaseExceptions.Counts.Keys);
        foreach (var (source, pinned) in PublicCaseExceptions.Counts)
        {
            counts.GetValueOrDefault(source).ShouldBe(pinned, $"{source}: entries in public-case-exceptions.txt vs PublicCaseExceptions.Counts");
        }
    }
}
