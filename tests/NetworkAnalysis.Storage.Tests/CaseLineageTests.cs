using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseLineageTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Analyze_NewAdMergesTwoClusters_RecordsMergedLineage()
    {
        // Given two clusters (one phone each), analysed
        var first = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"702-555-0141"}""",
            """{"id":"2","body":"702-555-0141"}""",
            """{"id":"3","body":"702-555-0142"}""",
            """{"id":"4","body":"702-555-0142"}"""));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(first);
        new CaseAnalyzer(store).Analyze();
        var before = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);

        // When an ad carrying both phones arrives and the case is analysed again
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", """{"id":"5","body":"702-555-0141 702-555-0142"}"""));
        new CaseAnalyzer(store).Analyze();

        // Then
        var lineage = store.LatestLineage();
        lineage.Count.ShouldBe(2);
        lineage.ShouldAllBe(r => r.Kind == "merged");
        lineage.Select(r => r.OldId).Order().ShouldBe(new[] { before["1"], before["3"] }.Order());
        lineage.Select(r => r.NewId).Distinct().Single().ShouldBe(store.Memberships().First().ClusterId);
    }
}
