using System.Globalization;
using System.Text.Json.Nodes;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary><see cref="CaseStore.ExportDecisions"/> / <see cref="CaseStore.ImportDecisions"/>: decisions travel to a case built from the same inputs.</summary>
public sealed class CaseDecisionFilesTests : IDisposable
{
    private const string Who = "J. Doe";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryKind_SurvivesExportAndReimport_IntoACaseBuiltFromTheSameInputs()
    {
        // Given case A with one decision of each kind (and one undone), analysed
        using var a = Case("a");
        var automatic = Partition(a);
        var decided = Decide(a);
        new CaseAnalyzer(a).Analyze(null, full: true);
        var expected = Partition(a);
        expected.ShouldNotBe(automatic, "the decisions must change the clustering, or this test proves nothing");

        // When its decisions are exported, and case B built from the same inputs imports them and is analysed
        var file = Export(a, "a.decisions.json");
        using var b = Case("b");
        var result = b.ImportDecisions(file, "A. Roe");
        new CaseAnalyzer(b).Analyze();

        // Then every decision was taken, B's clusters are A's, and B lists the same decisions (undone one undone)
        result.Skipped.ShouldBeEmpty();
        result.Imported.Count.ShouldBe(decided.Count);
        result.SourceCase.ShouldBe("a.case");
        Partition(b).ShouldBe(expected);
        Listed(b).ShouldBe(Listed(a));
        b.ListDecisions().Count(d => !d.IsActive).ShouldBe(1);
        b.ListDecisions().Select(d => d.Kind).Distinct().Order().ShouldBe(Enum.GetValues<DecisionKind>().Order());
    }

    [Fact]
    public void Reimport_IsIdempotent_AndAnUndoInTheSourceFollows()
    {
        // Given B holding A's decisions
        using var a = Case("a");
        Decide(a);
        using var b = Case("b");
        b.ImportDecisions(Export(a, "first.json"), "A. Roe").Skipped.ShouldBeEmpty();
        var before = Listed(b);

        // When the same file is imported again, and A's own file into A
        var again = b.ImportDecisions(Export(a, "second.json"), "A. Roe");
        var self = a.ImportDecisions(_dir.File("first.json"), Who);

        // Then nothing is duplicated
        again.Imported.ShouldBeEmpty();
        again.AlreadyPresent.Count.ShouldBe(before.Count);
        Listed(b).ShouldBe(before);
        self.Imported.ShouldBeEmpty();
        a.ListDecisions().Count.ShouldBe(before.Count);

        // And when A undoes a decision and exports again, B's copy of it is undone too, once
        var undone = a.UndoDecision(a.ListDecisions(includeUndone: false)[0].Id, Who);
        var third = b.ImportDecisions(Export(a, "third.json"), "A. Roe");
        third.UndoneNow.ShouldHaveSingleItem().UndoneAt.ShouldBe(undone.UndoneAt);
        b.ImportDecisions(_dir.File("third.json"), "A. Roe").UndoneNow.ShouldBeEmpty();
        Listed(b).ShouldBe(Listed(a));
    }

    [Fact]
    public void OneBadDecision_IsSkippedNamingItsIndexAndField_TheOthersAreImported()
    {
        // Given A's file with an ad and an identifier case B does not have
        using var a = Case("a");
        var count = Decide(a).Count;
        var file = Export(a, "bad.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        var decisions = json["decisions"]!.AsArray();
        var merge = decisions.Select((d, i) => (d, i)).First(x => (string?)x.d!["kind"] == "merge");
        merge.d!["side_b"]![1] = "nosuch-ad";
        var hub = decisions.Select((d, i) => (d, i)).First(x => (string?)x.d!["kind"] == "hub");
        hub.d!["identifier"] = "phone:+17025550198";
        decisions.Add(new JsonObject { ["kind"] = "merge", ["who"] = Who, ["at"] = "not a time", ["why"] = "x", ["side_a"] = new JsonArray("m-a0"), ["side_b"] = new JsonArray("m-b0") });
        File.WriteAllText(file, json.ToJsonString());
        using var b = Case("b");

        // When
        var result = b.ImportDecisions(file, "A. Roe");

        // Then the three bad ones are named by index, source ID and field; the rest are in
        result.Imported.Count.ShouldBe(count - 2);
        result.Skipped.Select(s => (s.Index, s.Field)).ShouldBe([(hub.i, "identifier"), (merge.i, "side_b[1]"), (count, "at")], ignoreOrder: true);
        var line = result.Skipped.Single(s => s.Index == merge.i).Describe();
        line.ShouldBe(string.Create(CultureInfo.InvariantCulture, $"decisions[{merge.i}] (decision {(long)merge.d["id"]!} of the source): side_b[1]: no ad 'nosuch-ad' in the case; skipped"));
        result.Skipped.Single(s => s.Field == "identifier").Reason.ShouldBe("no identifier phone:+17025550198 in the case");
        b.ListDecisions().Count.ShouldBe(count - 2);
    }

    [Fact]
    public void ConflictingDecision_IsRefusedNamingTheEarlierOne()
    {
        // Given B where an analyst merged rings m-a and m-b, and a file from A saying m-a0 and m-b0 are not the same poster
        using var a = Case("a");
        new CaseAnalyzer(a).Analyze();
        a.DecideNotSame("m-a0", "m-b0", "different women", Who);
        var file = Export(a, "notsame.json");
        using var b = Case("b");
        new CaseAnalyzer(b).Analyze();
        var merge = b.DecideMerge(Cluster(b, "m-a0"), Cluster(b, "m-b0"), "same photo set", "A. Roe");

        // When
        var result = b.ImportDecisions(file, "A. Roe");

        // Then
        var skip = result.Skipped.ShouldHaveSingleItem();
        skip.Field.ShouldBeNull();
        skip.Reason.ShouldContain($"conflicts with decision {merge.Id} (merge ");
        skip.Reason.ShouldContain($"`netan decide undo {merge.Id}`");
    }

    [Theory]
    [InlineData("{\"format\":\"netan-decisions\",\"version\":1,\"decisions\":[", "malformed JSON at line 1")]
    [InlineData("{\"format\":\"something-else\",\"version\":1,\"decisions\":[]}", "the field 'format' must be")]
    [InlineData("{\"format\":\"netan-decisions\",\"version\":7,\"decisions\":[]}", "field 'version'")]
    [InlineData("[]", "not a decisions file")]
    public void NotADecisionsFile_OneLineNamingTheFile_AndNothingStored(string text, string expected)
    {
        using var b = Case("b");
        var file = _dir.Write("broken.json", text);
        var before = b.ReadAudit().Count;

        var ex = Should.Throw<CaseStoreException>(() => b.ImportDecisions(file, "A. Roe"));

        ex.Message.ShouldStartWith("broken.json: ");
        ex.Message.ShouldContain(expected);
        ex.Message.ShouldNotContain("\n");
        b.ListDecisions().ShouldBeEmpty();
        b.ReadAudit().Count.ShouldBe(before);
    }

    [Fact]
    public void ImportedDecisions_KeepWhoWhenWhy_AndTheAuditChainSaysWhereFrom()
    {
        using var a = Case("a");
        new CaseAnalyzer(a).Analyze();
        var original = a.DecideHub("phone:+17025550109", "agency booking line", Who);
        var file = Export(a, "hub.json");
        using var b = Case("b");
        var before = b.ReadAudit().Count;

        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)]); // as a Windows editor saves it
        var imported = b.ImportDecisions(file, "A. Roe").Imported.ShouldHaveSingleItem();

        (imported.Who, imported.At, imported.Why, imported.Identifier).ShouldBe((Who, original.At, original.Why, original.Identifier));
        var added = b.ReadAudit().Skip(before).ToList();
        added.Select(e => (e.Action, e.Actor)).ShouldBe([("decide import", "A. Roe"), ("decisions import", "A. Roe")]);
        added[0].Target.ShouldBe($"decision {imported.Id}");
        added[0].Details!.ShouldContain("\"from_file\":\"hub.json\"");
        added[0].Details!.ShouldContain("\"from_case\":\"a.case\"");
        added[0].Details!.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"\"from_decision\":{original.Id}"));
        added[1].Target.ShouldBe(file);
        b.VerifyAudit().IsIntact.ShouldBeTrue();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={b.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json_extract(targets, '$.imported.file') || '|' || json_extract(targets, '$.imported.case') || '|' || json_extract(targets, '$.imported.decision') || '|' || json_extract(targets, '$.imported.run') FROM decisions;";
        cmd.ExecuteScalar().ShouldBe(string.Create(CultureInfo.InvariantCulture, $"hub.json|a.case|{original.Id}|{original.RunId}"));
    }

    [Fact]
    public void ReadTable_AdsAndEntities_CarryTheStandingDecisions()
    {
        using var a = Case("a");
        new CaseAnalyzer(a).Analyze();
        var notSame = a.DecideNotSame("n0", "n3", "different women", Who);
        var hub = a.DecideHub("phone:+17025550109", "booking line", Who);
        var gone = a.DecideNotSame("n1", "n2", "undone later", Who);
        a.UndoDecision(gone.Id, Who);

        var ads = a.ReadTable("ads").Single();
        var entities = a.ReadTable("entities").Single();

        var adKeys = ((string?[])ads.Values[0]).ToList();
        var adDecisions = (string?[])ads.Values[^1];
        ads.Columns[^1].Name.ShouldBe(CaseStore.DecisionsColumn);
        adDecisions[adKeys.IndexOf("n0")].ShouldBe(DecisionEffects.Line(notSame));
        adDecisions[adKeys.IndexOf("n3")].ShouldStartWith($"#{notSame.Id} n0 and n3 declared not the same poster by J. Doe on ");
        adDecisions[adKeys.IndexOf("n1")].ShouldBeNull();
        adDecisions.Count(d => d is not null).ShouldBe(2);
        var ids = ((string?[])entities.Values[0]).ToList();
        ((string?[])entities.Values[^1])[ids.IndexOf("phone:+17025550109")].ShouldStartWith($"#{hub.Id} phone:+17025550109 marked a hub by J. Doe on ");
        ((string?[])entities.Values[^1]).Count(d => d is not null).ShouldBe(1);
    }

    /// <summary>hub on the glue line, never-hub on a line over the hub limit, merge, split, not-same, and a not-same undone.</summary>
    private static List<AnalystDecision> Decide(CaseStore store)
    {
        new CaseAnalyzer(store).Analyze();
        var undone = store.DecideNotSame("m-a0", "m-a1", "a mistake", Who);
        store.UndoDecision(undone.Id, Who);
        var split = Cluster(store, "s-a0");
        return
        [
            undone,
            store.DecideHub(Phone(9), "agency booking line, answers for every ring in town", Who),
            store.DecideNeverHub("phone:+17025550199", "one woman's own phone; she tours with twelve ad sets", Who),
            store.DecideMerge(Cluster(store, "m-a0"), Cluster(store, "m-b0"), "same photo set on a second site", Who),
            store.DecideSplit(split, ["s-a0", "s-a1", "s-a2"], ["email:x0@example.com", "x1@example.com", "s-b2"], "two women sharing a driver's phone", Who),
            store.DecideNotSame("n0", "n3", "different women in the photos", Who),
        ];
    }

    private string Export(CaseStore store, string name)
    {
        var path = _dir.File(name);
        using var stream = File.Create(path);
        store.ExportDecisions(stream);
        return path;
    }

    /// <summary>A case of rings for each kind of decision, the same inputs whatever its name.</summary>
    private CaseStore Case(string name)
    {
        var ads = new List<string>();
        ads.AddRange(Ring("h-a", 0, 4).Concat(Ring("h-b", 1, 4)));
        ads.Add(Ad("glue-a", Phone(0) + " " + Phone(9)));
        ads.Add(Ad("glue-b", Phone(1) + " " + Phone(9)));
        ads.AddRange(Enumerable.Range(0, 12).SelectMany(g => new[] { Ad($"p{g}-0", Phone(20 + g)), Ad($"p{g}-1", Phone(20 + g) + " " + Phone(99)) }));
        ads.AddRange(Ring("m-a", 2, 3).Concat(Ring("m-b", 3, 3)));
        ads.AddRange(Ring("s-a", 4, 3).Concat(Enumerable.Range(0, 3).Select(i => Ad($"s-b{i}", Phone(4) + " x" + i + "@example.com"))));
        ads.AddRange(Ring("n", 5, 4));
        var store = CaseStore.Open(_dir.File(name + ".case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("ads-" + name + ".jsonl", string.Join('\n', ads)));
        return store;
    }

    /// <summary>The membership partition by ad keys, whatever the cluster IDs.</summary>
    private static List<string> Partition(CaseStore store) =>
        [.. store.Memberships().Where(m => m.ClusterId is not null).GroupBy(m => m.ClusterId!)
            .Select(g => string.Join(",", g.Select(m => m.AdKey).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    /// <summary>What `netan decisions` shows of each decision, without the case-local ID and run.</summary>
    private static List<string> Listed(CaseStore store) =>
        [.. store.ListDecisions().Select(d => string.Join("|", d.KindName, d.Subject, d.Who, d.At, d.Why, d.UndoneAt, d.UndoneBy))];

    private static string Cluster(CaseStore store, string adKey) => store.Memberships().Single(m => m.AdKey == adKey).ClusterId!;

    private static IEnumerable<string> Ring(string prefix, int phone, int ads) => Enumerable.Range(0, ads).Select(i => Ad(prefix + i, Phone(phone)));

    private static string Phone(int n) => string.Create(CultureInfo.InvariantCulture, $"702-555-{100 + n:D4}");

    private static string Ad(string id, string body) => $$"""{"id":"{{id}}","body":"call {{body}}"}""";
}
