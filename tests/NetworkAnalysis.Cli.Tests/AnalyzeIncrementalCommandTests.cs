using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class AnalyzeIncrementalCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Analyze_AfterFurtherIngest_IsIncremental_AndFullRecomputesEverything()
    {
        // Given a case with two rings, analysed, then a further ingest touching one ring
        var casePath = _dir.File("c.case");
        var a = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"call 702-555-0141"}""",
            """{"id":"2","body":"call 702-555-0141"}""",
            """{"id":"3","body":"call 702-555-0142"}""",
            """{"id":"4","body":"call 702-555-0142"}"""));
        (await CliRunner.RunAsync("ingest", a, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("ingest", _dir.Write("b.jsonl", """{"id":"5","body":"call 702-555-0141"}"""), "--case", casePath, "-q")).ExitCode.ShouldBe(0);

        // When analysed again, then with --full
        var incremental = await CliRunner.RunAsync("analyze", "--case", casePath, "--json");
        var text = await CliRunner.RunAsync("analyze", "--case", casePath);
        var full = await CliRunner.RunAsync("analyze", "--case", casePath, "--full", "--json");

        // Then the first reuses the untouched ring, the text output says so, and --full reuses nothing
        incremental.ExitCode.ShouldBe(0);
        using (var doc = JsonDocument.Parse(incremental.Out))
        {
            doc.RootElement.GetProperty("mode").GetString().ShouldBe("incremental");
            doc.RootElement.GetProperty("components").GetInt32().ShouldBe(2);
            doc.RootElement.GetProperty("components_reused").GetInt32().ShouldBe(1);
        }

        text.Out.ShouldContain("Incremental: 2 of 2 components taken over unchanged");
        using (var doc = JsonDocument.Parse(full.Out))
        {
            doc.RootElement.GetProperty("mode").GetString().ShouldBe("full");
            doc.RootElement.GetProperty("components_reused").GetInt32().ShouldBe(0);
        }
    }

    [Fact]
    public async Task Analyze_TruncatedGraphSnapshot_SaysSoInOneLine_AndSucceeds()
    {
        // Given an analysed case whose graph snapshot file beside it (issue #21) was cut short, and a further ingest
        var casePath = _dir.File("c.case");
        var a = _dir.Write("a.jsonl", string.Join('\n',
            """{"id":"1","body":"call 702-555-0141"}""",
            """{"id":"2","body":"call 702-555-0141"}""",
            """{"id":"3","body":"call 702-555-0142"}"""));
        (await CliRunner.RunAsync("ingest", a, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var graph = casePath + ".graph";
        var bytes = await File.ReadAllBytesAsync(graph);
        await File.WriteAllBytesAsync(graph, bytes[..(bytes.Length / 2)]);
        (await CliRunner.RunAsync("ingest", _dir.Write("b.jsonl", """{"id":"4","body":"call 702-555-0142"}"""), "--case", casePath, "-q")).ExitCode.ShouldBe(0);

        // When analysed again, then once more
        var run = await CliRunner.RunAsync("analyze", "--case", casePath, "--json", "-q");
        var next = await CliRunner.RunAsync("analyze", "--case", casePath, "--json", "-q");

        // Then the first succeeds from the tables with one line naming the file, no stack trace; the second uses the new file
        run.ExitCode.ShouldBe(0, run.All);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldBe("netan: graph snapshot c.case.graph unreadable (truncated); the graph was loaded from the case");
        using (var doc = JsonDocument.Parse(run.Out))
        {
            doc.RootElement.GetProperty("mode").GetString().ShouldBe("incremental");
            doc.RootElement.GetProperty("timings_ms").GetProperty("graph_snapshot_used").GetDouble().ShouldBe(0);
        }

        next.ExitCode.ShouldBe(0, next.All);
        next.Error.ShouldNotContain("graph snapshot");
        using (var doc = JsonDocument.Parse(next.Out))
        {
            doc.RootElement.GetProperty("timings_ms").GetProperty("graph_snapshot_used").GetDouble().ShouldBe(1);
        }
    }
}
