using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Formats;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>`netan doctor` re-reads a crawl (WARC) source to check its row counter the way the ingest read it; it used to
/// hand the WARC's bytes to the text-row reader, which threw.</summary>
public sealed class CaseDoctorCrawlSourceTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Examine_CaseWithAWarcSource_ChecksItsCounterWithoutThrowing()
    {
        // Given a case that ingested a crawl
        var crawl = CorpusGenerator.Generate(new CorpusOptions { Ads = 50, Seed = 5 });
        var warc = _dir.File("crawl.warc.gz");
        CorpusFormatWriter.WriteWarc(CorpusPages.Captures(crawl, 5).ToList(), warc);
        var casePath = _dir.File("c.case");
        using (var store = CaseStore.Open(casePath, create: true))
        {
            new CaseIngestor(store).Ingest(warc).AdsAdded.ShouldBeGreaterThan(0);
        }

        // When examined, Then its source counter is judged right and the case healthy
        var report = CaseDoctor.Examine(casePath);
        report.Findings.ShouldNotContain(f => f.Check == "sources");
        report.Healthy.ShouldBeTrue(string.Join("; ", report.Findings.Select(f => f.Message)));
    }
}
