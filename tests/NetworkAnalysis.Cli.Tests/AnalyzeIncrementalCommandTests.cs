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
}
