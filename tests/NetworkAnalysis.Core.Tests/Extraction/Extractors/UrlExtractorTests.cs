using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Extractors;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Extraction.Extractors;

/// <summary>URL spans around brackets, quotes, possessives, colons and scripts, and the scanner's cost on hostile text.</summary>
public sealed class UrlExtractorTests(ITestOutputHelper output)
{
    private readonly EntityExtractor _extractor = new();

    private List<string> Urls(string text) =>
        [.. _extractor.Extract(text, "US").Entities.Where(m => m.Extractor == "url").Select(m => m.Raw)];

    [Theory]
    [InlineData("(see http://mia.example.com/a_(b)) now", "http://mia.example.com/a_(b)")]
    [InlineData("(see http://mia.example.com/a_b) now", "http://mia.example.com/a_b")]
    [InlineData("[http://mia.example.com/x[1]]", "http://mia.example.com/x[1]")]
    [InlineData("{http://mia.example.com/x}", "http://mia.example.com/x")]
    [InlineData("go to http://mia.example.com/a(b now", "http://mia.example.com/a")]
    [InlineData("\"http://mia.example.com/a\",\"see\"", "http://mia.example.com/a")]
    [InlineData("http://mia.example.com/a_\"b\" ok", "http://mia.example.com/a_\"b\"")]
    [InlineData("I like http://mia.example.com/x's page", "http://mia.example.com/x")]
    [InlineData("'http://mia.example.com/x' quoted", "http://mia.example.com/x")]
    [InlineData("mia.example.com: call me", "mia.example.com")]
    [InlineData("http://mia.example.com:8080/a.", "http://mia.example.com:8080/a")]
    public void Extract_UrlWithBracketsQuotesOrColon_SpanIsTheBalancedUrl(string text, string expected)
    {
        // Given a URL followed or wrapped by brackets, quotes, a possessive or a colon
        // When extracted, then the span keeps what is balanced within the URL and drops the sentence punctuation
        Urls(text).ShouldBe([expected]);
    }

    [Theory]
    [InlineData("http://-mia.example.com")]
    [InlineData("http://mia-.example.com")]
    [InlineData("http://mia.x")]
    [InlineData("http://mia.example.com:99999")]
    [InlineData("#mia.example.com")]
    public void Extract_MalformedHost_NoUrl(string text)
    {
        // Given a host with a hyphen at a label's edge, no TLD, a one-letter TLD, a bad port or a hashtag
        // When extracted, then no URL is read
        Urls(text).ShouldBeEmpty();
    }

    [Fact]
    public void Extract_DomainGluedToCjkOrCyrillic_FoundAtTheScriptChange()
    {
        // Given domains written inside CJK text (no spaces) and a Cyrillic domain
        var text = "連絡は。mia.example.com中国語 или сайт.рф";

        // When extracted, then each domain is found at its own span
        Urls(text).ShouldBe(["mia.example.com", "сайт.рф"]);
    }

    private static string Repeat(string piece, int length)
    {
        var sb = new System.Text.StringBuilder(length + piece.Length);
        while (sb.Length < length)
        {
            sb.Append(piece);
        }

        return sb.ToString(0, length);
    }

    /// <summary>Scans the text with a fresh extractor; returns the characters its loops read and the URLs found.</summary>
    private static (long Reads, int Urls) Scan(string text)
    {
        var extractor = new UrlExtractor();
        var entities = new List<Mention>();
        extractor.Extract(new ExtractionInput(text, "US"), entities, new List<AttributeMention>());
        return (extractor.CharactersRead, entities.Count);
    }

    [Theory]
    [InlineData("http://a.example.com/", "(")]
    [InlineData("", "x.example.com/(")]
    [InlineData("", "http://x.example.com/a_\"")]
    [InlineData("http://a.example.com/", "([{")]
    [InlineData("", "a.б.")]
    [InlineData("", "http://a.example.com/a's")]
    public void Extract_HostileBrackets_CostGrowsLinearly(string prefix, string piece)
    {
        // Given hostile text: a URL followed by 1 MB of openers, or 1 MB of URLs that never close their group, and the
        // same pattern at 1/8 of the size
        var small = prefix + Repeat(piece, 128 * 1024);
        var large = prefix + Repeat(piece, 1024 * 1024);

        // When each is scanned, counting the characters the scanner's loops read (a count, so machine load cannot move it)
        var (smallReads, smallUrls) = Scan(small);
        var (largeReads, largeUrls) = Scan(large);
        var ratio = (double)largeReads / smallReads;
        output.WriteLine($"[{prefix}{piece}...]: {smallReads:N0} reads for {small.Length:N0} chars ({smallUrls} URLs), " +
            $"{largeReads:N0} for {large.Length:N0} ({largeUrls} URLs): {ratio:F3}x, {(double)largeReads / large.Length:F1} reads a char");

        // Then 8x the text costs 8x the reads (only the ends differ; a quadratic scan is 64x), and every character is
        // read a small bounded number of times (19.3 at worst today, "x.example.com/(": each URL's path is read up to the
        // 256-character open-group window; without that window the 2,048-character URL limit alone gives over 100)
        ratio.ShouldBeInRange(7.8, 8.2, $"8x the input took {ratio:F3}x the reads");
        ((double)largeReads / large.Length).ShouldBeLessThan(32);
    }
}
