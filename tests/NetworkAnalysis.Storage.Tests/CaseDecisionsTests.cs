using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseDecisionsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Hub_SeparatesTwoRingsTheLineGlued_SurvivesFullIncrementalAndUndo()
    {
        // Given two rings glued by a booking line in one ad of each
        using var store = Case("hub", Ring("a", 0, 4).Concat(Ring("b", 1, 4)).Append(Ad("glue-a", Phone(0) + " " + Phone(9))).Append(Ad("glue-b", Phone(1) + " " + Phone(9))));
        new CaseAnalyzer(store).Analyze();
        Cluster(store, "a0").ShouldBe(Cluster(store, "b0"));

        // When the line is decided a hub and the case analysed again (incrementally)
        var decision = store.DecideHub(Phone(9), "agency booking line, answers for every ring in town", "J. Doe");
        var run = new CaseAnalyzer(store).Analyze();

        // Then the rings stand apart, the decision applied, and the stored hub says an analyst decided it
        run.Incremental.ShouldBeTrue();
        run.Decisions.ShouldHaveSingleItem().Applies.ShouldBeTrue();
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "b0"));
        store.LoadAnalysis()!.Hubs.ShouldContain(h => h.Reason == Core.Graphs.HubReason.Decided);
        decision.Identifier.ShouldBe("phone:+17025550109");
        AssertIncrementalEqualsFull(store, "hub-more", [Ad("a-new", Phone(0)), Ad("b-new", Phone(1) + " " + Phone(9))]);
        Cluster(store, "a-new").ShouldNotBe(Cluster(store, "b-new"));

        // And undone, the line glues them again
        store.UndoDecision(decision.Id, "J. Doe");
        new CaseAnalyzer(store).Analyze().Decisions.ShouldBeEmpty();
        Cluster(store, "a0").ShouldBe(Cluster(store, "b0"));
        store.ListDecisions().ShouldHaveSingleItem().IsActive.ShouldBeFalse();
    }

    [Fact]
    public void NeverHub_LinksALineOverTheHubLimit()
    {
        // Given a phone on 12 otherwise-linked pairs (12 groups: over the default limit of 10)
        var ads = Enumerable.Range(0, 12).SelectMany(g => new[] { Ad($"p{g}-0", Phone(20 + g)), Ad($"p{g}-1", Phone(20 + g) + " " + Phone(99)) }).ToList();
        using var store = Case("never", ads);
        new CaseAnalyzer(store).Analyze();
        Cluster(store, "p0-0").ShouldNotBe(Cluster(store, "p1-0"));

        // When / Then
        var decision = store.DecideNeverHub("phone:+17025550199", "one woman's own phone; she tours with twelve ad sets", "J. Doe");
        new CaseAnalyzer(store).Analyze(null, full: true);
        Cluster(store, "p0-0").ShouldBe(Cluster(store, "p11-0"));
        AssertIncrementalEqualsFull(store, "never-more", [Ad("p-new", Phone(99))]);

        // And undone, the rule's verdict is back (incrementally)
        store.UndoDecision(decision.Id, "J. Doe");
        new CaseAnalyzer(store).Analyze().Incremental.ShouldBeTrue();
        Cluster(store, "p0-0").ShouldNotBe(Cluster(store, "p1-0"));
    }

    [Fact]
    public void Merge_JoinsTwoClusters_RecordsLineage_AndSurvivesAFurtherIngest()
    {
        // Given two unlinked rings
        using var store = Case("merge", Ring("a", 0, 3).Concat(Ring("b", 1, 3)));
        new CaseAnalyzer(store).Analyze();
        var (ca, cb) = (Cluster(store, "a0"), Cluster(store, "b0"));

        // When they are merged and the case analysed
        var decision = store.DecideMerge(ca, cb, "same photo set on a second site", "J. Doe");
        new CaseAnalyzer(store).Analyze();

        // Then they are one cluster whose lineage says so, and the decision shows on it
        var merged = Cluster(store, "a0");
        merged.ShouldBe(Cluster(store, "b0"));
        store.LatestLineage().Where(l => l.Kind == "merged").Select(l => l.OldId).Order().ShouldBe(new[] { ca, cb }.Order());
        store.DecisionsForCluster(merged).ShouldHaveSingleItem().Effect().ShouldStartWith("merged by J. Doe on ");
        decision.RunId.ShouldNotBeNull();
        AssertIncrementalEqualsFull(store, "merge-more", [Ad("b-new", Phone(1)), Ad("c0", Phone(5))]);
        Cluster(store, "b-new").ShouldBe(Cluster(store, "a0"));

        // And undone, they part
        store.UndoDecision(decision.Id, "J. Doe");
        new CaseAnalyzer(store).Analyze();
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "b0"));
    }

    [Fact]
    public void Split_PutsEachSideInItsOwnCluster_ByAdsOrIdentifiers()
    {
        // Given one ring of six ads on one phone, three of which also carry an e-mail
        using var store = Case("split", Ring("a", 0, 3).Concat(Enumerable.Range(0, 3).Select(i => Ad($"b{i}", Phone(0) + " x" + i + "@example.com"))));
        new CaseAnalyzer(store).Analyze();
        var cluster = Cluster(store, "a0");
        cluster.ShouldBe(Cluster(store, "b2"));

        // When it is split: ads a0..a2 on one side, the ads of each e-mail on the other
        var decision = store.DecideSplit(cluster, ["a0", "a1", "a2"], ["email:x0@example.com", "x1@example.com", "b2"], "two women sharing a driver's phone", "J. Doe");
        new CaseAnalyzer(store).Analyze();

        // Then the sides are apart and each holds together
        Cluster(store, "a0").ShouldBe(Cluster(store, "a2"));
        Cluster(store, "b0").ShouldBe(Cluster(store, "b2"));
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "b0"));
        AssertIncrementalEqualsFull(store, "split-more", [Ad("a-new", Phone(0))]);
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "b0"));
        decision.SideB.ShouldBe(["b0", "b1", "b2"]);

        // And undone, the ring is whole again
        store.UndoDecision(decision.Id, "J. Doe");
        new CaseAnalyzer(store).Analyze();
        Cluster(store, "a0").ShouldBe(Cluster(store, "b0"));
    }

    [Fact]
    public void NotSame_KeepsTwoAdsApart_AndConflictsAreRefusedNamingTheEarlierDecision()
    {
        // Given a ring of four ads and another of three
        using var store = Case("notsame", Ring("a", 0, 4).Concat(Ring("b", 1, 3)));
        new CaseAnalyzer(store).Analyze();
        var (ca, cb) = (Cluster(store, "a0"), Cluster(store, "b0"));

        // When a0 and a3 are declared different posters
        var notSame = store.DecideNotSame("a0", "a3", "different women in the photos", "J. Doe");
        new CaseAnalyzer(store).Analyze(null, full: true);

        // Then they are apart
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "a3"));
        AssertIncrementalEqualsFull(store, "notsame-more", [Ad("a-new", Phone(0))]);
        Should.Throw<CaseStoreException>(() => store.UndoDecision(99, "J. Doe")).Message.ShouldContain("no decision 99");

        // And a merge of ring a's clusters with b is fine, but a merge joining a0's and a3's clusters is refused
        var merge = store.DecideMerge(cb, Cluster(store, "a0"), "same photos", "J. Doe");
        var refused = Should.Throw<CaseStoreException>(() => store.DecideMerge(cb, Cluster(store, "a3"), "same photos", "A. Roe"));
        refused.Message.ShouldNotContain("\n");
        refused.Message.ShouldContain($"decision {notSame.Id} (not-same a0 / a3) by J. Doe");

        // And "not the same" across an earlier merge is refused, naming the merge
        var refused2 = Should.Throw<CaseStoreException>(() => store.DecideNotSame("b0", "a0", "different", "A. Roe"));
        refused2.Message.ShouldContain($"conflicts with decision {merge.Id} (merge {cb} + ");
        refused2.Message.ShouldContain($"`netan decide undo {merge.Id}`");

        // And hub then never-hub on one identifier is refused; so is a decision without a reason
        store.DecideHub(Phone(1), "booking line", "J. Doe");
        Should.Throw<CaseStoreException>(() => store.DecideNeverHub("phone:+17025550101", "mine", "J. Doe")).Message.ShouldContain("(hub phone:+17025550101)");
        Should.Throw<CaseStoreException>(() => store.DecideNotSame("a1", "a2", "  ", "J. Doe")).Message.ShouldContain("needs a reason");
        ca.ShouldNotBeNull();
    }

    [Fact]
    public void NotSame_Undone_LetsTheAdsMeetAgain()
    {
        using var store = Case("notsame-undo", Ring("a", 0, 4));
        new CaseAnalyzer(store).Analyze();
        var decision = store.DecideNotSame("a0", "a3", "different women", "J. Doe");
        new CaseAnalyzer(store).Analyze();
        Cluster(store, "a0").ShouldNotBe(Cluster(store, "a3"));

        store.UndoDecision(decision.Id, "J. Doe");
        var run = new CaseAnalyzer(store).Analyze();

        run.Incremental.ShouldBeTrue();
        Cluster(store, "a0").ShouldBe(Cluster(store, "a3"));
        Should.Throw<CaseStoreException>(() => store.UndoDecision(decision.Id, "J. Doe")).Message.ShouldContain("undone already");
    }

    [Fact]
    public void Decision_WhoseAdsAreGone_IsReportedAsNoLongerApplying()
    {
        // Given a not-same decision on two ads, one of which is then removed from the case
        using var store = Case("gone", Ring("a", 0, 3));
        new CaseAnalyzer(store).Analyze();
        store.DecideNotSame("a0", "a1", "different women", "J. Doe");
        store.DecideHub(Phone(0), "booking line", "J. Doe");
        RemoveAd(store, "a1");

        // When
        var run = new CaseAnalyzer(store).Analyze(null, full: true);

        // Then the analysis says so instead of dropping it
        var outcome = run.Decisions.Single(o => o.Decision.Kind == DecisionKind.NotSame);
        outcome.Applies.ShouldBeFalse();
        outcome.Note.ShouldBe("no ad of ad a1 is in the case any longer");
        run.Decisions.Single(o => o.Decision.Kind == DecisionKind.Hub).Applies.ShouldBeTrue();
        store.RunTimings(run.RunId)["decisions_not_applying"].ShouldBe(1);
    }

    [Fact]
    public void EveryDecisionAndUndo_IsAudited()
    {
        using var store = Case("audit", Ring("a", 0, 3));
        new CaseAnalyzer(store).Analyze();
        var before = store.ReadAudit().Count;

        var d = store.DecideNotSame("a0", "a1", "different women", "J. Doe");
        store.UndoDecision(d.Id, "A. Roe");

        var added = store.ReadAudit().Skip(before).ToList();
        added.Select(e => (e.Action, e.Actor, e.Target)).ShouldBe([("decide", "J. Doe", $"decision {d.Id}"), ("decide undo", "A. Roe", $"decision {d.Id}")]);
        added[0].Details!.ShouldContain("different women");
        store.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    /// <summary>Ingests <paramref name="more"/>, analyses incrementally, and checks a full analysis gives the same clusters.</summary>
    private void AssertIncrementalEqualsFull(CaseStore store, string name, IEnumerable<string> more)
    {
        new CaseIngestor(store).Ingest(_dir.Write(name + ".jsonl", string.Join('\n', more)));
        var incremental = new CaseAnalyzer(store).Analyze();
        incremental.Incremental.ShouldBeTrue();
        var after = store.Memberships().Select(m => (m.AdKey, m.ClusterId)).ToList();
        new CaseAnalyzer(store).Analyze(null, full: true).Incremental.ShouldBeFalse();
        store.Memberships().Select(m => (m.AdKey, m.ClusterId)).ToList().ShouldBe(after);
    }

    private CaseStore Case(string name, IEnumerable<string> ads)
    {
        var store = CaseStore.Open(_dir.File(name + ".case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write(name + ".jsonl", string.Join('\n', ads)));
        return store;
    }

    private static void RemoveAd(CaseStore store, string key)
    {
        using var connection = new SqliteConnection("Data Source=" + store.Path);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            DELETE FROM mentions WHERE ad = (SELECT id FROM ads WHERE ad_key = $k);
            DELETE FROM memberships WHERE ad = (SELECT id FROM ads WHERE ad_key = $k);
            DELETE FROM ad_attributes WHERE ad = (SELECT id FROM ads WHERE ad_key = $k);
            DELETE FROM ads WHERE ad_key = $k;
            """;
        cmd.Parameters.AddWithValue("$k", key);
        cmd.ExecuteNonQuery();
    }

    private static string Cluster(CaseStore store, string adKey) => store.Memberships().Single(m => m.AdKey == adKey).ClusterId!;

    private static IEnumerable<string> Ring(string prefix, int phone, int ads) => Enumerable.Range(0, ads).Select(i => Ad(prefix + i, Phone(phone)));

    private static string Phone(int n) => string.Create(CultureInfo.InvariantCulture, $"702-555-{100 + n:D4}");

    private static string Ad(string id, string body) => $$"""{"id":"{{id}}","body":"call {{body}}"}""";
}
