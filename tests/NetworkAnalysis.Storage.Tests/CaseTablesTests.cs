using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseTablesTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CaseStore Analysed()
    {
        var file = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","city":"Reno","price":120,"body":"call (702) 555-0142, =HYPERLINK(\"x\") <b>hi</b>"}""",
            """{"id":"2","body":"text 702.555.0142 or amy@example.com"}""",
            """{"id":"3","body":"amy@example.com"}""",
            """{"id":"4","age":24,"body":"nothing"}""",
            """{"id":"5","body":"nothing either"}"""));
        var store = CaseStore.Open(_dir.File("t.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        new CaseAnalyzer(store).Analyze();
        return store;
    }

    [Fact]
    public void ReadTable_Ads_EveryAdOnceWithItsClusterAndNulls()
    {
        // Given
        using var store = Analysed();

        // When
        var batch = store.ReadTable("ads").ShouldHaveSingleItem();

        // Then
        batch.Rows.ShouldBe(5);
        var keys = (string?[])batch.Values[0];
        keys.ShouldBe(["1", "2", "3", "4", "5"]);
        var cluster = (string?[])batch.Values[Index("ads", "cluster_id")];
        cluster[0].ShouldBe(cluster[2]);
        cluster[3].ShouldNotBe(cluster[0]);
        ((double?[])batch.Values[Index("ads", "price")]).ShouldBe([120, null, null, null, null]);
        ((long?[])batch.Values[Index("ads", "age")]).ShouldBe([null, null, null, 24, null]);
        ((string?[])batch.Values[Index("ads", "body")])[0].ShouldBe("call (702) 555-0142, =HYPERLINK(\"x\") <b>hi</b>");
    }

    [Fact]
    public void ReadTable_SmallBatches_SplitsRowsAndKeepsOrder()
    {
        // Given
        using var store = Analysed();

        // When
        var batches = store.ReadTable("ads", batchRows: 2).ToList();

        // Then
        batches.Select(b => b.Rows).ShouldBe([2, 2, 1]);
        batches.SelectMany(b => (string?[])b.Values[0]).ShouldBe(["1", "2", "3", "4", "5"]);
    }

    [Fact]
    public void ReadTable_OneCluster_OnlyItsAdsMentionsAndEntities()
    {
        // Given
        using var store = Analysed();
        var cluster = store.Memberships().Single(m => m.AdKey == "1").ClusterId!;

        // When
        var ads = store.ReadTable("ads", cluster).Single();
        var mentions = store.ReadTable("mentions", cluster).Single();
        var entities = store.ReadTable("entities", cluster).Single();
        var clusters = store.ReadTable("clusters", cluster).Single();
        var empty = store.ReadTable("scores", "Cnope").Single();

        // Then
        ((string?[])ads.Values[0]).ShouldBe(["1", "2", "3"]);
        ((string?[])mentions.Values[0]).Distinct().ShouldBe(["1", "2", "3"]);
        ((string?[])entities.Values[0]).ShouldBe(["email:amy@example.com", "phone:+17025550142"]);
        ((long?[])entities.Values[Index("entities", "ads")]).ShouldBe([2, 2]);
        ((string?[])clusters.Values[0]).ShouldBe([cluster]);
        empty.Rows.ShouldBe(0);
        empty.Columns.Select(c => c.Name).ShouldBe(CaseStore.TableColumns("scores").Select(c => c.Name));
    }

    [Fact]
    public void ReadTable_UnknownTable_Throws()
    {
        using var store = Analysed();
        Should.Throw<ArgumentException>(() => store.ReadTable("sqlite_master").ToList()).Message.ShouldContain("no table");
    }

    [Fact]
    public void LoadClusterGraph_ChainOfAds_IsTheClustersLinkingGraph()
    {
        // Given
        using var store = Analysed();
        var cluster = store.Memberships().Single(m => m.AdKey == "1").ClusterId!;

        // When
        var graph = store.LoadClusterGraph(cluster)!;
        var structure = ClusterGraphAnalysis.Structure(graph);

        // Then: 1 -phone- 2 -email- 3, so ad 2 holds one ad to the rest and each identifier one
        graph.Ads.Select(a => a.Label).ShouldBe(["1", "2", "3"]);
        graph.Identifiers.Select(i => i.Label).ShouldBe(["email:amy@example.com", "phone:+17025550142"]);
        structure.ArticulationPoints.Select(p => p.Node.ToString()).ShouldBe(["email:amy@example.com", "phone:+17025550142", "ad 2"]);
        store.LoadClusterGraph("Cnope").ShouldBeNull();
    }

    private static int Index(string table, string column) => CaseStore.TableColumns(table).Select(c => c.Name).ToList().IndexOf(column);
}
