using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>Link strength in <c>netan explain</c> and "what holds it together" in <c>netan show</c> (QuikGraph on one cluster).</summary>
public sealed class ClusterStructureCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Ads 1 and 2 share a phone and an e-mail; 2 and 3 only the e-mail bea@; 3 and 4 only a second phone.</summary>
    private Task<string> Chain() => Ingest([
        """{"id":"1","body":"call (702) 555-0142 or amy@example.com"}""",
        """{"id":"2","body":"text 702.555.0142, amy@example.com, bea@example.com"}""",
        """{"id":"3","body":"mail bea@example.com or call 702-555-0177"}""",
        """{"id":"4","body":"702 555 0177"}""",
    ]);

    [Fact]
    public async Task Explain_LinkedAds_ReportsEdgeDisjointPathsAndTheIdentifiersTheLinkHangsOn()
    {
        // Given
        var casePath = await Chain();

        // When
        var strong = await CliRunner.RunAsync("explain", "1", "2", "--case", casePath, "--json");
        var thin = await CliRunner.RunAsync("explain", "1", "4", "--case", casePath, "--json");
        var text = await CliRunner.RunAsync("explain", "1", "4", "--case", casePath);

        // Then
        strong.ExitCode.ShouldBe(0);
        var s = JsonDocument.Parse(strong.Out).RootElement.GetProperty("link_strength");
        s.GetProperty("edge_disjoint_paths").GetInt32().ShouldBe(2);
        s.GetProperty("cut_identifiers").EnumerateArray().Select(e => e.GetString()).ShouldBe(["email:amy@example.com", "phone:+17025550142"]);
        var t = JsonDocument.Parse(thin.Out).RootElement.GetProperty("link_strength");
        t.GetProperty("edge_disjoint_paths").GetInt32().ShouldBe(1);
        t.GetProperty("cut_identifiers").EnumerateArray().Select(e => e.GetString()).ShouldBe(["email:bea@example.com"]);
        text.Out.ShouldContain("Link strength");
        text.Out.ShouldContain("1 independent evidence path");
    }

    [Fact]
    public async Task Explain_UnlinkedAds_HasNoLinkStrength()
    {
        // Given
        var casePath = await Ingest(["""{"id":"1","body":"call (702) 555-0142"}""", """{"id":"2","body":"nothing"}"""]);

        // When
        var run = await CliRunner.RunAsync("explain", "1", "2", "--case", casePath, "--json");

        // Then
        run.ExitCode.ShouldBe(1);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("link_strength").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Show_Chain_ListsTheEmailAndThePhoneThatHoldTheClusterTogether()
    {
        // Given
        var casePath = await Chain();
        var cluster = (await CliRunner.RunAsync("clusters", "--case", casePath, "--format", "csv")).Out.Split('\n')[1].Split(',')[0];

        // When
        var json = await CliRunner.RunAsync("show", cluster, "--case", casePath, "--json");
        var text = await CliRunner.RunAsync("show", cluster, "--case", casePath);
        var redacted = await CliRunner.RunAsync("show", cluster, "--case", casePath, "--redact");

        // Then: the e-mail bea@ cuts off two ads, the second phone and ads 2 and 3 one each; both mentions of bea@ are bridges
        json.ExitCode.ShouldBe(0);
        var structure = JsonDocument.Parse(json.Out).RootElement.GetProperty("structure");
        structure.GetProperty("ads").GetInt32().ShouldBe(4);
        structure.GetProperty("pieces").GetInt32().ShouldBe(1);
        var points = structure.GetProperty("articulation_points").EnumerateArray()
            .Select(p => (p.GetProperty("label").GetString(), p.GetProperty("ads_cut_off").GetInt32())).ToList();
        points[0].ShouldBe(("email:bea@example.com", 2));
        points.ShouldContain(("phone:+17025550177", 1));
        structure.GetProperty("bridges").EnumerateArray().Count(b => b.GetProperty("to").GetString() == "email:bea@example.com").ShouldBe(2);
        text.Out.ShouldContain("What holds it together");
        text.Out.ShouldContain("email:bea@example.com holds 2 ad(s) to the rest");
        redacted.ExitCode.ShouldBe(0);
        redacted.Out.ShouldContain("What holds it together");
        redacted.Out.ShouldNotContain("bea@example.com");
        redacted.Out.ShouldNotMatch(@"555[-. ]?01\d\d");
    }

    private async Task<string> Ingest(IEnumerable<string> lines)
    {
        var file = _dir.Write("a.jsonl", string.Join('\n', lines));
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("ingest", file, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        return casePath;
    }
}
