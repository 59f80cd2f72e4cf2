using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Storage;

/// <summary>The workbench's storage additions: audit log, annotations, search indexes.</summary>
public sealed class CaseStoreWorkbenchTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private CaseStore Open(FakeTimeProvider? time = null) => CaseStore.Open(_dir.File("w.case"), create: true, time);

    [Fact]
    public void AppendAudit_Entries_ReadBackNewestFirstWithTheClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        using var store = Open(time);

        store.AppendAudit("ana", "view.cluster", "C1");
        time.Advance(TimeSpan.FromSeconds(5));
        store.AppendAudit("bo", "export.graphml", "C1");
        store.AppendAudit("bo", "view.ad", "site/9");

        var c1 = store.RecentAudit(target: "C1");
        c1.Select(a => (a.Actor, a.Action)).ShouldBe([("bo", "export.graphml"), ("ana", "view.cluster")]);
        c1[1].At.ShouldBe("2026-05-01T12:00:00.000Z");
        store.RecentAudit(limit: 1).Single().Target.ShouldBe("site/9");
    }

    [Fact]
    public void Annotations_History_LatestStatusWins_TagsFollowAddAndRemove()
    {
        using var store = Open();

        store.SetClusterStatus("C1", ClusterStatus.Reviewing, "ana");
        store.AddClusterTag("C1", "  ring ", "ana");
        store.AddClusterTag("C1", "visa", "ana");
        store.RemoveClusterTag("C1", "ring", "bo");
        store.SetClusterStatus("C1", ClusterStatus.Referred, "bo");
        store.AddClusterNote("C1", "called the unit", "bo");

        var a = store.GetClusterAnnotations("C1");
        a.Status.ShouldBe(ClusterStatus.Referred);
        a.StatusBy.ShouldBe("bo");
        a.Tags.ShouldBe(["visa"]);
        a.Notes.Single().ShouldBe(new AnalystNote("called the unit", "bo", a.Notes[0].At));
        store.GetClusterAnnotations("C2").Status.ShouldBe(ClusterStatus.New);
    }

    [Theory]
    [InlineData("reviewing", true)]
    [InlineData("DISMISSED", true)]
    [InlineData("2", false)]
    [InlineData("closed", false)]
    [InlineData(null, false)]
    public void TryParseStatus_OnlyNamedStatuses(string? text, bool ok) => CaseStore.TryParseStatus(text, out _).ShouldBe(ok);

    [Fact]
    public void EnsureSearchIndexes_IndexesOnlyNewAds_AndTextSearchFindsThem()
    {
        var first = _dir.Write("a.jsonl", """{"id":"1","body":"meet the velvetcat tonight"}""");
        var second = _dir.Write("b.jsonl", """{"id":"2","body":"velvetcat again, 702-555-0142"}""");
        using var store = Open();
        new CaseIngestor(store).Ingest(first);

        var added1 = store.EnsureSearchIndexes();
        new CaseIngestor(store).Ingest(second);
        var added2 = store.EnsureSearchIndexes();
        var again = store.EnsureSearchIndexes();

        (added1, added2, again).ShouldBe((1L, 1L, 0L));
        store.Search("velvetcat").Where(h => h.Kind == "text").Select(h => h.Label).ShouldBe(["1", "2"]);
        store.Search("velvet").Count(h => h.Kind == "text").ShouldBe(2); // last word as a prefix
    }

    [Fact]
    public void Search_WithoutTheTextIndex_FallsBackToAScan()
    {
        var file = _dir.Write("a.jsonl", """{"id":"1","body":"the Glitterfox special"}""");
        using var store = Open();
        new CaseIngestor(store).Ingest(file);

        store.Search("glitterfox").Single().Label.ShouldBe("1");
    }

    [Theory]
    [InlineData("\"quoted\" AND near(x")]
    [InlineData("sweet* OR -candy NOT {a}")]
    [InlineData("\u0000;DROP TABLE ads")]
    public void Search_QueryWithTextIndexSyntax_IsTakenAsWords(string query)
    {
        var file = _dir.Write("a.jsonl", """{"id":"1","body":"quoted words near x, sweet candy"}""");
        using var store = Open();
        new CaseIngestor(store).Ingest(file);
        store.EnsureSearchIndexes();

        Should.NotThrow(() => store.Search(query));
        store.Counts().Ads.ShouldBe(1);
    }
}
