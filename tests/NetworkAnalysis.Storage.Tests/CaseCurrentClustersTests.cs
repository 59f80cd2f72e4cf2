using System.Globalization;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseCurrentClustersTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CurrentClusters_GivesEveryAdsStoredCluster_AndOrdersClustersWithoutComponentByTheirFirstAd()
    {
        // Given 30 rings of 3 ads (one fictional phone per ring), ingested and analysed
        var lines = Enumerable.Range(0, 30).SelectMany(r => Enumerable.Range(0, 3).Select(i =>
            $$"""{"id":"a{{r}}-{{i}}","body":"call 702-555-{{(100 + r).ToString("D4", CultureInfo.InvariantCulture)}}"}"""));
        var path = _dir.Write("a.jsonl", string.Join('\n', lines));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(path);
        new CaseAnalyzer(store).Analyze();
        var snapshot = store.LoadSnapshot();
        var members = store.Memberships().ToList();
        var stored = members.ToDictionary(m => m.AdKey, m => m.ClusterId);

        // When the stored clustering is read (read by cluster ID order), and again after three clusters lost their component
        // (a case analysed before components were stored: read in row order)
        var complete = store.CurrentClusters(snapshot);
        var gone = new[] { "a17-0", "a2-0", "a25-1" }.Select(id => members.Single(m => m.AdId == id).ClusterId!).ToList();
        gone.Distinct().Count().ShouldBe(3);
        foreach (var id in gone)
        {
            using var delete = store.Connection.CreateCommand();
            delete.CommandText = "DELETE FROM cluster_components WHERE cluster_id = $c;";
            delete.Parameters.AddWithValue("$c", id);
            delete.ExecuteNonQuery().ShouldBe(1);
        }

        var partial = store.CurrentClusters(snapshot);

        // Then both give every ad its stored cluster; the second is incomplete, with the three clusters last, in the row order
        // of their first ads (ring 2 was ingested before 17 and 25)
        complete.Complete.ShouldBeTrue();
        partial.Complete.ShouldBeFalse();
        for (var a = 0; a < snapshot.Incidence.AdCount; a++)
        {
            complete.ClusterOf(a).ShouldBe(stored[snapshot.Incidence.AdKeys[a]]);
            partial.ClusterOf(a).ShouldBe(stored[snapshot.Incidence.AdKeys[a]]);
        }

        partial.ClusterIds.Count.ShouldBe(complete.ClusterIds.Count);
        partial.ClusterIds.TakeLast(3).ShouldBe([gone[1], gone[0], gone[2]]);
        partial.ComponentIds.TakeLast(3).ShouldAllBe(c => c == null);
    }
}
