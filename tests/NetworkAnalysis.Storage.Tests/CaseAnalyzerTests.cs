using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseAnalyzerTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Analyze_AdsSharingAPhone_ShareACluster_AndEveryAdHasOne()
    {
        // Given
        var file = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"call (702) 555-0142","city":"Reno","posted_at":"2026-01-01T00:00:00Z"}""",
            """{"id":"2","body":"text 702.555.0142 now","city":"Elko","posted_at":"2026-01-03T00:00:00Z"}""",
            """{"id":"3","body":"me at x@example.com"}""",
            """{"id":"4","body":"nothing to see"}"""));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);

        // When
        var run = new CaseAnalyzer(store).Analyze();

        // Then
        run.Clusters.ShouldBe(3);
        var members = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        members["1"].ShouldBe(members["2"]);
        members.Values.ShouldAllBe(v => v != null);
        var top = store.ListClusters().First();
        top.Size.ShouldBe(2);
        top.Phones.ShouldBe(1);
        top.Cities.ShouldBe(["Elko", "Reno"]);
        top.FirstSeen.ShouldBe("2026-01-01T00:00:00Z");
        top.LastSeen.ShouldBe("2026-01-03T00:00:00Z");
        store.Lookup("702 555 0142").Single().Clusters.Single().ClusterId.ShouldBe(top.Id);
    }

    [Fact]
    public void Analyze_Full_MembershipIndexSortedThroughFiles_IndexWhole_AndConnectionSettingsBack()
    {
        // Given a case of 400 ads in 200 pairs sharing an e-mail address
        var file = _dir.Write("a.jsonl", string.Join('\n', Enumerable.Range(0, 400).Select(i =>
            $$"""{"id":"{{i}}","body":"write to x{{i / 2}}@example.com"}""")));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        string Pragma(string name)
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = $"PRAGMA {name};";
            return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        var before = (Pragma("temp_store"), Pragma("threads"), Pragma("cache_size"));

        // When it is analysed in full (the save drops the memberships' cluster index and builds it through temporary files)
        new CaseAnalyzer(store).Analyze();

        // Then the index is there and whole, the memberships read through it, and the connection has its settings back
        Pragma("integrity_check").ShouldBe("ok");
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'memberships_cluster';";
            Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        }

        store.Memberships().Select(m => m.ClusterId).Distinct().Count().ShouldBe(200);
        (Pragma("temp_store"), Pragma("threads"), Pragma("cache_size")).ShouldBe(before);
        before.Item1.ShouldBe("2");
    }

    [Fact]
    public void Analyze_Twice_GivesSameClusterIds()
    {
        var file = _dir.Write("a.jsonl", """{"id":"1","body":"702-555-0142"}""" + "\n" + """{"id":"2","body":"702-555-0142"}""");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);

        new CaseAnalyzer(store).Analyze();
        var first = store.Memberships().ToList();
        new CaseAnalyzer(store).Analyze();

        store.Memberships().ToList().ShouldBe(first);
    }

    [Fact]
    public void Analyze_Full_AdRowIdsWithGaps_EveryAdGetsItsMembershipRow()
    {
        // Given: ad rows 1, 2, 20 and 40000 (a gap inside one JSON run of the full save and one wider than a run), no graph file
        var file = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"call (702) 555-0142"}""",
            """{"id":"2","body":"text 702.555.0142 now"}""",
            """{"id":"3","body":"me at x@example.com"}""",
            """{"id":"4","body":"write x@example.com"}"""));
        var path = _dir.File("c.case");
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(file);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var move = connection.CreateCommand();
            move.CommandText = """
                PRAGMA foreign_keys = OFF;
                UPDATE mentions SET ad = 20 WHERE ad = 3; UPDATE ad_attributes SET ad = 20 WHERE ad = 3; UPDATE ads SET id = 20 WHERE id = 3;
                UPDATE mentions SET ad = 40000 WHERE ad = 4; UPDATE ad_attributes SET ad = 40000 WHERE ad = 4; UPDATE ads SET id = 40000 WHERE id = 4;
                """;
            move.ExecuteNonQuery();
        }

        foreach (var graph in Directory.GetFiles(_dir.Path, "c.case.graph*"))
        {
            File.Delete(graph);
        }

        using var reopened = CaseStore.Open(path);

        // When
        new CaseAnalyzer(reopened).Analyze(null, full: true);

        // Then
        var members = reopened.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        members.Count.ShouldBe(4);
        members.Values.ShouldAllBe(v => v != null);
        members["1"].ShouldBe(members["2"]);
        members["3"].ShouldBe(members["4"]);
        members["1"].ShouldNotBe(members["3"]);
        using var rows = reopened.Connection.CreateCommand();
        rows.CommandText = "SELECT group_concat(ad) FROM (SELECT ad FROM memberships ORDER BY ad);";
        rows.ExecuteScalar().ShouldBe("1,2,20,40000");
    }
}
