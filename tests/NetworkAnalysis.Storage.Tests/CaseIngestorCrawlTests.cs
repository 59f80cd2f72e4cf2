using System.Text;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Ingest of what investigators receive: pages, crawls, crawl records, workbooks, and re-crawls as versions.</summary>
public sealed class CaseIngestorCrawlTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static HashSet<string> Partition(CaseStore store) =>
        store.Memberships().GroupBy(m => m.ClusterId).Select(g => string.Join(",", g.Select(m => m.AdKey).Order(StringComparer.Ordinal))).ToHashSet();

    private HashSet<string> IngestAndCluster(string name, IEnumerable<string> files, out List<IngestResult> results)
    {
        using var store = CaseStore.Open(_dir.File(name + ".case"), create: true);
        var ingestor = new CaseIngestor(store);
        results = files.Select(f => ingestor.Ingest(f)).ToList();
        new CaseAnalyzer(store) { NearDuplicates = new() { Images = false, Text = false } }.Analyze();
        return Partition(store);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("warc")]
    [InlineData("cdr")]
    [InlineData("xlsx")]
    public void EachFormat_OfTheSameSeed_GivesTheSameClustersAsJsonLines(string format)
    {
        var options = new CorpusOptions { Ads = 400, Seed = 5 };
        var corpus = CorpusGenerator.Generate(options);
        var jsonl = _dir.File("ads.jsonl");
        using (var writer = new StreamWriter(jsonl, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(corpus, writer);
        }

        var captures = CorpusPages.Captures(corpus, options.Seed).ToList();
        List<string> files;
        switch (format)
        {
            case "html":
                CorpusFormatWriter.WriteHtml(captures, _dir.Path);
                files = Directory.EnumerateFiles(_dir.File("pages"), "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                break;
            case "warc":
                files = [_dir.File("crawl.warc.gz")];
                CorpusFormatWriter.WriteWarc(captures, files[0]);
                break;
            case "cdr":
                files = [_dir.File("crawl.cdr.jsonl")];
                using (var writer = new StreamWriter(files[0], false, new UTF8Encoding(false)))
                {
                    CorpusFormatWriter.WriteCrawlRecords(captures, writer);
                }

                break;
            default:
                files = [_dir.File("ads.xlsx")];
                CorpusFormatWriter.WriteXlsx(corpus, files[0]);
                break;
        }

        var expected = IngestAndCluster("jsonl", [jsonl], out _);
        var actual = IngestAndCluster(format, files, out var results);

        results.Sum(r => r.RowsFailed).ShouldBe(0);
        results.Sum(r => r.AdsAdded).ShouldBe(400);
        if (format != "xlsx")
        {
            // Re-crawls that changed text, phone or photos are versions, not lost and not new ads.
            results.Sum(r => r.Versions).ShouldBeGreaterThan(0);
        }

        actual.Except(expected).ShouldBeEmpty();
        expected.Except(actual).ShouldBeEmpty();
    }

    [Fact]
    public void Recrawl_ChangedContentIsAVersionThatLinks_IdenticalAddsNothing_ReingestAddsNothing()
    {
        var first = _dir.Write("1.jsonl", """{"id":"1","site":"s","body":"call 702-555-0142","posted_at":"2026-03-01T00:00:00Z"}""" + "\n");
        var changed = _dir.Write("2.jsonl", """{"id":"1","site":"s","body":"new number 702-555-0199","crawled_at":"2026-03-02T08:00:00Z"}""" + "\n"
            + """{"id":"2","site":"s","body":"text 702-555-0199"}""" + "\n");
        var identical = _dir.Write("3.jsonl", """{"id":"1","site":"s","body":"call 702-555-0142","posted_at":"2026-03-01T00:00:00Z","crawled_at":"2026-03-09T00:00:00Z"}""" + "\n");
        var sameAsVersion = _dir.Write("4.jsonl", """{"id":"1","site":"s","body":"new number 702-555-0199","crawled_at":"2026-03-05T00:00:00Z"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);

        ingestor.Ingest(first).AdsAdded.ShouldBe(1);
        var second = ingestor.Ingest(changed);
        second.Versions.ShouldBe(1);
        second.AdsAdded.ShouldBe(1);
        ingestor.Ingest(identical).Duplicates.ShouldBe(1);
        var again = ingestor.Ingest(sameAsVersion);
        (again.Versions, again.Duplicates).ShouldBe((0L, 1L));
        ingestor.Ingest(changed).AlreadyIngested.ShouldBeTrue();

        new CaseAnalyzer(store).Analyze();
        var members = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        members["s/1"].ShouldBe(members["s/2"]);
        var history = store.AdHistory(null, "s/1");
        history.Count.ShouldBe(1);
        history[0].Changes.ShouldContain("phone changed on 2026-03-02 from +17025550142 to +17025550199");
        store.AdHistory(members["s/1"]).Single().AdKey.ShouldBe("s/1");
    }

    [Fact]
    public void Recrawl_WithANewPhone_LinksTheAdToTheOtherAdsOfBothNumbers_AlsoIncrementally()
    {
        // Given: ad 1 and ad 2 share the old number, ad 3 has the new one; analysed before the re-crawl arrives
        var first = _dir.Write("1.jsonl", """{"id":"1","site":"s","body":"call 702-555-0142"}""" + "\n"
            + """{"id":"2","site":"s","body":"ring 702.555.0142 today"}""" + "\n"
            + """{"id":"3","site":"s","body":"text (702) 555-0199"}""" + "\n");
        var recrawl = _dir.Write("2.jsonl", """{"id":"1","site":"s","body":"new number 702-555-0199","crawled_at":"2026-03-02T08:00:00Z"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(first);
        new CaseAnalyzer(store).Analyze();
        var before = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        before["s/1"].ShouldBe(before["s/2"]);
        before["s/3"].ShouldNotBe(before["s/1"]);

        // When the re-crawl with the new number is ingested and the case analysed again (incrementally)
        ingestor.Ingest(recrawl).Versions.ShouldBe(1);
        var run = new CaseAnalyzer(store).Analyze();

        // Then the ad links to the other ads of both numbers: one cluster, the same as a full analysis gives
        run.Incremental.ShouldBeTrue();
        var after = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        after["s/1"].ShouldBe(after["s/2"]);
        after["s/1"].ShouldBe(after["s/3"]);
        var incremental = Partition(store);
        new CaseAnalyzer(store).Analyze(null, full: true);
        Partition(store).SetEquals(incremental).ShouldBeTrue();
        store.Lookup("702-555-0199").Single().Ads.ShouldBe(["s/1", "s/3"], ignoreOrder: true);
        store.Lookup("702-555-0142").Single().Ads.ShouldBe(["s/1", "s/2"], ignoreOrder: true);
    }
}
