using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// Issue #21: an incremental analysis keeps the stored cohesion of every cluster of a component it takes over unchanged
/// instead of computing it again. These tests show that the kept value is exactly (bit for bit) what the engine computes.
/// </summary>
public sealed class CaseIncrementalCohesionTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(21, 3000)]
    [InlineData(5, 2500)]
    public void Analyze_Incremental_ReusedClustersKeepStoredCohesion_BitForBitWhatAFullRunComputes(int seed, int firstAds)
    {
        // Given generated ads, the first ones ingested and analysed, then the rest ingested
        var ads = CorpusGenerator.Generate(new CorpusOptions { Ads = 4000, Seed = seed });
        var lines = new StringWriter();
        CorpusWriter.WriteJsonLines(ads, lines);
        var all = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = _dir.Write("a.jsonl", string.Join('\n', all[..firstAds]) + "\n");
        var second = _dir.Write("b.jsonl", string.Join('\n', all[firstAds..]) + "\n");
        using var store = CaseStore.Open(_dir.File("inc.case"), create: true);
        new CaseIngestor(store).Ingest(first);
        new CaseAnalyzer(store).Analyze();
        new CaseIngestor(store).Ingest(second);

        // When the case is analysed incrementally (reused components keep their stored cohesion)
        var incremental = new CaseAnalyzer(store).Analyze();
        var kept = Cohesion(store);

        // and then again in full on the same case, which computes every cluster's cohesion (and rewrites any that differs)
        var full = new CaseAnalyzer(store).Analyze(null, full: true);

        // Then components were taken over, loosely knit clusters among them, and every cohesion is the full run's, bit for bit
        incremental.Incremental.ShouldBeTrue();
        incremental.Statistics.ComponentsReused.ShouldBeGreaterThan(0);
        full.Incremental.ShouldBeFalse();
        kept.Count(c => c.Bits != BitConverter.DoubleToInt64Bits(1.0)).ShouldBeGreaterThan(0);
        kept.ShouldBe(Cohesion(store));
    }

    private static List<(string Cluster, long Bits)> Cohesion(CaseStore store)
    {
        var rows = new List<(string, long)>();
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT cluster_id, cohesion FROM cluster_cohesion ORDER BY cluster_id;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetString(0), BitConverter.DoubleToInt64Bits(r.GetDouble(1))));
        }

        return rows;
    }
}
