using System.Globalization;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed partial class CaseIncrementalAnalysisTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Analyze_AfterFurtherIngest_IsIncremental_EqualsFreshFullAnalysis_AndReusesUntouchedComponents()
    {
        // Given 40 rings (3 ads each, one fictional phone per ring) ingested and analysed
        var a = _dir.Write("a.jsonl", Lines(Enumerable.Range(0, 40).SelectMany(r => Enumerable.Range(0, 3).Select(i => Ad($"a{r}-{i}", Phone(r))))));
        // and a second batch: one more ad for rings 0..4, an ad carrying the phones of rings 10 and 11 (a merge),
        // ten new rings, and an ad with no identifier
        var b = _dir.Write("b.jsonl", Lines(
            Enumerable.Range(0, 5).Select(r => Ad($"b{r}", Phone(r)))
                .Append(Ad("bridge", Phone(10) + " or " + Phone(11)))
                .Concat(Enumerable.Range(40, 10).SelectMany(r => Enumerable.Range(0, 2).Select(i => Ad($"b{r}-{i}", Phone(r)))))
                .Append(Ad("plain", "nothing here"))));
        using var store = CaseStore.Open(_dir.File("inc.case"), create: true);
        new CaseIngestor(store).Ingest(a);
        var first = new CaseAnalyzer(store).Analyze();
        var before = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);

        // When the second batch is ingested and the case analysed again
        new CaseIngestor(store).Ingest(b);
        var second = new CaseAnalyzer(store).Analyze();

        // Then the run was incremental, reusing exactly the 33 untouched rings and recomputing the rest
        first.Incremental.ShouldBeFalse();
        second.Incremental.ShouldBeTrue();
        second.Statistics.ComponentsReused.ShouldBe(33);
        var recorded = store.RunTimings(second.RunId);
        recorded["components_reused"].ShouldBe(33);
        recorded["components_recomputed"].ShouldBe(second.Statistics.Components - 33);

        // and it equals a fresh full analysis of both batches: same clusters, same IDs, same summaries
        using var fresh = CaseStore.Open(_dir.File("full.case"), create: true);
        new CaseIngestor(fresh).Ingest(a);
        new CaseIngestor(fresh).Ingest(b);
        var full = new CaseAnalyzer(fresh).Analyze();
        full.Incremental.ShouldBeFalse();
        full.Statistics.ComponentsReused.ShouldBe(0);
        store.Memberships().Select(m => (m.AdKey, m.ClusterId)).ShouldBe(fresh.Memberships().Select(m => (m.AdKey, m.ClusterId)));
        static string Summary(ClusterSummary c) => $"{c.Id} {c.Size} {c.Phones} {c.Emails} {c.Entities} {string.Join('|', c.Cities)} {c.FirstSeen} {c.LastSeen}";
        store.ListClusters().Select(Summary).ShouldBe(fresh.ListClusters().Select(Summary));

        // and the lineage says what happened: rings 10 and 11 merged, untouched rings continued with their IDs
        var after = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        after["a20-0"].ShouldBe(before["a20-0"]);
        after["a10-0"].ShouldBe(after["a11-0"]);
        var lineage = store.LatestLineage();
        lineage.Where(r => r.Kind == "merged").Select(r => r.OldId).Order().ShouldBe(new[] { before["a10-0"], before["a11-0"] }.Order());
        lineage.Count(r => r.Kind == "new").ShouldBe(11); // ten new rings and the plain ad
    }

    [Fact]
    public void Analyze_Full_RecomputesEveryComponent_WithTheSameResult()
    {
        var a = _dir.Write("a.jsonl", Lines(Enumerable.Range(0, 6).SelectMany(r => Enumerable.Range(0, 2).Select(i => Ad($"a{r}-{i}", Phone(r))))));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(a);
        new CaseAnalyzer(store).Analyze();
        var before = store.Memberships().ToList();

        var incremental = new CaseAnalyzer(store).Analyze();
        incremental.Incremental.ShouldBeTrue();
        incremental.Statistics.ComponentsReused.ShouldBe(6);
        var full = new CaseAnalyzer(store).Analyze(null, full: true);

        full.Incremental.ShouldBeFalse();
        full.Statistics.ComponentsReused.ShouldBe(0);
        store.Memberships().ToList().ShouldBe(before);
    }

    [Fact]
    public void Analyze_WithOtherOptions_FallsBackToFull()
    {
        var a = _dir.Write("a.jsonl", Lines(Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(0, 2).Select(i => Ad($"a{r}-{i}", Phone(r))))));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(a);
        new CaseAnalyzer(store).Analyze();

        var other = new CaseAnalyzer(store).Analyze(new Core.Clustering.ClusteringOptions { MinCohesion = 0.5 });

        other.Incremental.ShouldBeFalse();
    }

    private static string Phone(int ring) =>
        string.Create(CultureInfo.InvariantCulture, $"{(ring < 100 ? 702 : 775)}-555-{100 + (ring % 100):D4}");

    private static string Ad(string id, string body) => $$"""{"id":"{{id}}","body":"call {{body}}"}""";

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);
}
