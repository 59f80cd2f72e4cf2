using System.Text;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>A source whose row counter ran past ads the case never got (two ingests at once, then a crash) is found and repaired.</summary>
public sealed class CaseDoctorSourceCounterTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Doctor_SourceCounterPastItsAds_IsReported_AndRepairRestoresTheAds()
    {
        // Given: an ingest stopped after two 500-ad batches whose counter was then advanced as a second ingest of the
        // same file would have advanced it (rows counted that neither wrote)
        var file = _dir.File("ads.jsonl");
        using (var w = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 3_000, Seed = 17 }), w);
        }

        var path = _dir.File("c.case");
        using (var store = CaseStore.Open(path, create: true))
        {
            using var cts = new CancellationTokenSource();
            Should.Throw<OperationCanceledException>(() => new CaseIngestor(store).Ingest(file, new IngestOptions { BatchSize = 500 },
                new CancelAfter(cts, batches: 2), cts.Token));
            store.Counts().Ads.ShouldBe(1_000);
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = "UPDATE sources SET rows_read = rows_read * 2;";
            cmd.ExecuteNonQuery();
        }

        // When
        var report = CaseDoctor.Examine(path);

        // Then: the lost ads are named (a resume alone would skip them), and a repaired copy re-reads the file
        report.Healthy.ShouldBeFalse();
        var finding = report.Findings.Single(f => f.Check == "sources");
        finding.Message.ShouldContain("1,000 ads among the 2,000 rows");
        using (var resumed = CaseStore.Open(path))
        {
            new CaseIngestor(resumed).Ingest(file);
            resumed.Counts().Ads.ShouldBe(2_000); // what today's resume gives: 1,000 ads lost for good
        }

        CaseDoctor.Examine(path).Findings.ShouldContain(f => f.Check == "sources");
        var repaired = CaseDoctor.Repair(path, _dir.File("c.repaired"));
        using var copy = CaseStore.Open(repaired.OutputPath);
        new CaseIngestor(copy).Ingest(file).AdsAdded.ShouldBe(1_000);
        copy.Counts().Ads.ShouldBe(3_000);
        CaseDoctor.Examine(repaired.OutputPath).Healthy.ShouldBeTrue();
    }

    [Fact]
    public void Doctor_CleanIngest_HasNoSourceFinding()
    {
        var file = _dir.File("ads.jsonl");
        using (var w = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 800, Seed = 18 }), w);
        }

        var path = _dir.File("c.case");
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(file);
            new CaseIngestor(store).Ingest(file).AlreadyIngested.ShouldBeTrue();
        }

        CaseDoctor.Examine(path).Findings.ShouldNotContain(f => f.Check == "sources");
    }

    private sealed class CancelAfter(CancellationTokenSource cts, int batches) : IProgress<double>
    {
        private int _seen;

        public void Report(double value)
        {
            if (++_seen == batches)
            {
                cts.Cancel();
            }
        }
    }
}
