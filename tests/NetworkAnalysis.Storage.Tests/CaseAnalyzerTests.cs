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
}
