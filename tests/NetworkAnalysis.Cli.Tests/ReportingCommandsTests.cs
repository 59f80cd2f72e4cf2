using System.Text.Json;
using System.Xml.Linq;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>The reporting commands end to end on a small generated case: report, export, chart, push.</summary>
[Collection(Neo4jPasswordCollection.Name)]
public sealed class ReportingCommandsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Commands => ["report", "export", "push", "chart"];

    private async Task<(string CasePath, string ClusterId)> AnalysedCaseAsync()
    {
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("generate", "--ads", "400", "--seed", "3", "--out", _dir.Path)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("ingest", _dir.File("ads.jsonl"), "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath, "--min-size", "3");
        using var doc = JsonDocument.Parse(json.Out);
        return (casePath, doc.RootElement[0].GetProperty("id").GetString()!);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_ReportingCommand_PrintsUsage(string command)
    {
        var run = await CliRunner.RunAsync(command, "--help");
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public async Task Report_Cluster_WritesCaseFileWithVerifiableManifest()
    {
        // Given
        var (casePath, cluster) = await AnalysedCaseAsync();
        var outDir = _dir.File("report");

        // When
        var run = await CliRunner.RunAsync("report", cluster, "--case", casePath, "--out", outDir, "--analyst", "A. Analyst", "--notes", "n", "-q");

        // Then
        run.ExitCode.ShouldBe(0, run.All);
        var html = await File.ReadAllTextAsync(Path.Combine(outDir, "report.html"));
        html.ShouldContain(cluster);
        html.ShouldContain("A. Analyst");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "manifest.json")));
        manifest.RootElement.GetProperty("sources").GetArrayLength().ShouldBe(1);
        manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("path").GetString())
            .ShouldBe(["ads.csv", "movement.svg", "network.svg", "report.html", "risk.svg", "timeline.svg"]);
    }

    [Fact]
    public async Task Report_UnknownCluster_ExitsTwo()
    {
        var (casePath, _) = await AnalysedCaseAsync();
        var run = await CliRunner.RunAsync("report", "Cnosuch", "--case", casePath, "--out", _dir.File("r"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no cluster");
    }

    [Fact]
    public async Task Export_EveryFormat_WritesFilesAndManifest()
    {
        var (casePath, cluster) = await AnalysedCaseAsync();
        foreach (var format in new[] { "graphml", "gexf", "cytoscape", "neo4j", "ftm", "csv" })
        {
            var outDir = _dir.File("export-" + format);
            var run = await CliRunner.RunAsync("export", "--format", format, "--out", outDir, "--case", casePath, "--cluster", cluster, "-q");
            run.ExitCode.ShouldBe(0, run.All);
            File.Exists(Path.Combine(outDir, "manifest.json")).ShouldBeTrue(format);
            Directory.GetFiles(outDir).Length.ShouldBeGreaterThan(2, format);
        }
    }

    [Fact]
    public async Task Chart_NetworkSvg_WritesParsableSvg()
    {
        var (casePath, cluster) = await AnalysedCaseAsync();
        var file = _dir.File("net.svg");
        var run = await CliRunner.RunAsync("chart", "network", "--cluster", cluster, "--out", file, "--case", casePath, "-q");
        run.ExitCode.ShouldBe(0, run.All);
        XDocument.Load(file).Root!.Name.LocalName.ShouldBe("svg");
    }

    [Fact]
    public async Task Chart_NetworkWithoutCluster_ExitsTwo()
    {
        var (casePath, _) = await AnalysedCaseAsync();
        var run = await CliRunner.RunAsync("chart", "network", "--out", _dir.File("x.svg"), "--case", casePath);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--cluster");
    }

    [SkippableFact]
    public async Task PushNeo4j_WithoutPassword_ExitsTwoAndNamesTheVariable()
    {
        Prerequisite.Require(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_PASSWORD")),
            "NEO4J_PASSWORD unset (this test checks the error when it is missing)", "unset NEO4J_PASSWORD for the test run");

        var run = await CliRunner.RunAsync("push", "neo4j", "--url", "http://127.0.0.1:9", "--case", _dir.File("none.case"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("NEO4J_PASSWORD");
    }
}
