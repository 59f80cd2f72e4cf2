using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class DecideCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Decide_Merge_IsAppliedByAnalyze_ShownWhereItShows_ListedAndUndone()
    {
        // Given two rings, analysed
        var casePath = await TwoRings();
        var (ringA, ringB) = (ClusterOf(casePath, "1"), ClusterOf(casePath, "3"));

        // When an analyst merges them and the case is analysed again
        var decide = await CliRunner.RunAsync("decide", "merge", ringA, ringB, "--why", "same photo set on a second site", "--by", "J. Doe", "--case", casePath);
        var analyze = await CliRunner.RunAsync("analyze", "--case", casePath);

        // Then the decision is recorded, honoured, and shown on the merged cluster and when explaining two of its ads
        decide.ExitCode.ShouldBe(0, decide.All);
        decide.Out.ShouldContain("Recorded decision 1 (merge ");
        analyze.Out.ShouldContain("Analyst decisions honoured: 1 of 1");
        var merged = ClusterOf(casePath, "1");
        merged.ShouldBe(ClusterOf(casePath, "3"));
        var show = await CliRunner.RunAsync("show", merged, "--case", casePath);
        show.Out.ShouldContain("merged by J. Doe on ");
        show.Out.ShouldContain(": same photo set on a second site");
        (await CliRunner.RunAsync("explain", "1", "3", "--case", casePath)).Out.ShouldContain("merged by J. Doe on ");

        // And `decisions` lists it (table and JSON)
        var table = await CliRunner.RunAsync("decisions", "--case", casePath);
        table.Out.ShouldContain("same photo set on a second site");
        table.Out.ShouldContain("standing");
        var json = await CliRunner.RunAsync("decisions", "--case", casePath, "--json");
        using (var doc = JsonDocument.Parse(json.Out))
        {
            var d = doc.RootElement.EnumerateArray().ShouldHaveSingleItem();
            d.GetProperty("kind").GetString().ShouldBe("merge");
            d.GetProperty("who").GetString().ShouldBe("J. Doe");
            d.GetProperty("clusters").EnumerateArray().Select(c => c.GetString()).ShouldBe([ringA, ringB]);
        }

        // And undone, the next analysis parts them again
        (await CliRunner.RunAsync("decide", "undo", "1", "--case", casePath)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        ClusterOf(casePath, "1").ShouldNotBe(ClusterOf(casePath, "3"));
        (await CliRunner.RunAsync("decisions", "--case", casePath)).Out.ShouldContain("undone by");
    }

    [Fact]
    public async Task Decide_Conflicting_IsRefusedWithOneLineNamingTheEarlierDecision()
    {
        var casePath = await TwoRings();
        var (ringA, ringB) = (ClusterOf(casePath, "1"), ClusterOf(casePath, "3"));
        (await CliRunner.RunAsync("decide", "merge", ringA, ringB, "--why", "same woman", "--by", "J. Doe", "--case", casePath)).ExitCode.ShouldBe(0);

        var refused = await CliRunner.RunAsync("decide", "not-same", "1", "3", "--why", "different", "--case", casePath);
        var hub = await CliRunner.RunAsync("decide", "hub", "(702) 555-0141", "--why", "booking line", "--case", casePath);
        var never = await CliRunner.RunAsync("decide", "never-hub", "702.555.0141", "--why", "hers", "--case", casePath);
        var noReason = await CliRunner.RunAsync("decide", "not-same", "1", "2", "--why", " ", "--case", casePath);
        var unknown = await CliRunner.RunAsync("decide", "merge", ringA, "Cnosuch", "--why", "x", "--case", casePath);

        refused.ExitCode.ShouldBe(2);
        refused.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("conflicts with decision 1 (merge ");
        refused.Error.ShouldContain("by J. Doe on ");
        refused.Error.ShouldNotContain("   at ");
        hub.ExitCode.ShouldBe(0, hub.All);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var hubs = await CliRunner.RunAsync("hubs", "--case", casePath);
        hubs.Out.ShouldContain("an analyst decided it");
        never.ExitCode.ShouldBe(2);
        never.Error.ShouldContain("conflicts with decision 2 (hub phone:+17025550141)");
        noReason.ExitCode.ShouldBe(2);
        noReason.Error.ShouldContain("needs a reason");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("no cluster Cnosuch");
    }

    [Fact]
    public async Task Analyze_ReportsADecisionThatNoLongerApplies()
    {
        // Given a hub decision on a phone the case no longer mentions (its one ad removed)
        var casePath = await TwoRings();
        (await CliRunner.RunAsync("ingest", _dir.Write("c.jsonl", """{"id":"9","body":"call 702-555-0149"}"""), "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("decide", "hub", "702-555-0149", "--why", "booking line", "--case", casePath)).ExitCode.ShouldBe(0);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + casePath))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DELETE FROM mentions WHERE ad = (SELECT id FROM ads WHERE ad_id = '9');";
            cmd.ExecuteNonQuery();
        }

        // When
        var analyze = await CliRunner.RunAsync("analyze", "--case", casePath, "--full");

        // Then
        analyze.ExitCode.ShouldBe(0, analyze.All);
        analyze.Out.ShouldContain("Analyst decisions honoured: 0 of 1");
        analyze.Out.ShouldContain("No longer applies: decision 1 (hub phone:+17025550149)");
        analyze.Out.ShouldContain("is no longer mentioned by any ad of the case");
    }

    [Fact]
    public async Task Exports_AndTheReferralFile_CarryTheDecisions()
    {
        // Given two rings merged by an analyst (a reason with markup) and a hub decision on a third phone
        var casePath = await TwoRings();
        (await CliRunner.RunAsync("ingest", _dir.Write("c.jsonl", """{"id":"9","body":"call 702-555-0141 or 702-555-0149"}"""), "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("decide", "merge", ClusterOf(casePath, "1"), ClusterOf(casePath, "3"), "--why", "same <b>photo</b> set", "--by", "J. Doe", "--case", casePath)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("decide", "hub", "702-555-0149", "--why", "booking line", "--by", "J. Doe", "--case", casePath)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var cluster = ClusterOf(casePath, "1");

        // When the case is exported in each graph format and a referral file is written
        foreach (var format in new[] { "graphml", "gexf", "neo4j", "cytoscape", "csv", "ftm" })
        {
            (await CliRunner.RunAsync("export", "--format", format, "--out", _dir.File(format), "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        }

        var report = await CliRunner.RunAsync("report", cluster, "--out", _dir.File("report"), "--case", casePath, "-q");
        // Without the map data (no `npm ci`) the report is written but the missing map makes the exit 1.
        report.ExitCode.ShouldBe(NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available ? 0 : 1, report.All);

        // Then every export names the decision on the ads and identifiers it concerns, escaped for its format
        var graphml = File.ReadAllText(_dir.File("graphml/graph.graphml"));
        graphml.ShouldContain("attr.name=\"decisions\"");
        graphml.ShouldContain("#1 merged by J. Doe on ");
        graphml.ShouldContain("same &lt;b&gt;photo&lt;/b&gt; set");
        graphml.ShouldContain("#2 phone:+17025550149 marked a hub by J. Doe on ");
        var gexf = File.ReadAllText(Directory.GetFiles(_dir.File("gexf")).Single(f => f.EndsWith(".gexf", StringComparison.Ordinal)));
        gexf.ShouldContain("#1 merged by J. Doe on ");
        var neo4j = File.ReadAllText(Path.Combine(_dir.File("neo4j"), "ads.csv"));
        neo4j.Split('\n')[0].ShouldContain("decisions");
        neo4j.ShouldContain("#1 merged by J. Doe on ");
        File.ReadAllText(Path.Combine(_dir.File("neo4j"), "entities.csv")).ShouldContain("marked a hub by J. Doe");
        File.ReadAllText(Path.Combine(_dir.File("cytoscape"), "graph.cyjs")).ShouldContain("merged by J. Doe");
        var csv = File.ReadAllText(Path.Combine(_dir.File("csv"), "ads.csv")).TrimStart('\uFEFF').Split('\n');
        csv[0].ShouldEndWith(",decisions");
        csv.Where(l => l.StartsWith("1,", StringComparison.Ordinal) || l.StartsWith("3,", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains(",#1 merged by J. Doe on "));
        var ftm = File.ReadAllText(Path.Combine(_dir.File("ftm"), "entities.ftm.json"));
        ftm.ShouldContain("\"notes\":[\"#1 merged by J. Doe on ");
        var html = File.ReadAllText(Path.Combine(_dir.File("report"), "report.html"));
        html.ShouldContain("<h2>Analyst decisions</h2>");
        html.ShouldContain("same &lt;b&gt;photo&lt;/b&gt; set");
        html.ShouldNotContain("<b>photo</b>");

        // And the decisions still stand after the exports
        using var store = CaseStore.Open(casePath);
        store.ListDecisions(includeUndone: false).Count.ShouldBe(2);
    }

    private async Task<string> TwoRings()
    {
        var casePath = _dir.File("c.case");
        var a = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"call 702-555-0141"}""",
            """{"id":"2","body":"call 702-555-0141"}""",
            """{"id":"3","body":"call 702-555-0142"}""",
            """{"id":"4","body":"call 702-555-0142"}"""));
        (await CliRunner.RunAsync("ingest", a, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        return casePath;
    }

    private static string ClusterOf(string casePath, string adId)
    {
        using var store = CaseStore.Open(casePath);
        return store.Memberships().Single(m => m.AdId == adId).ClusterId!;
    }
}
