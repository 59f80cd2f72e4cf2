using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class HubsDefaultsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Hubs_ListsTheVerdictsOfTheAnalysis_NotADefaultRun()
    {
        // Given three posters (own e-mail each) sharing one booking line, analysed with --max-groups 2
        var casePath = _dir.File("c.case");
        var input = _dir.Write("a.jsonl", string.Join('\n', Enumerable.Range(1, 3).SelectMany(g => new[]
        {
            $$"""{"id":"{{g}}-1","body":"write poster{{g}}@example.com or book via 702-555-0190"}""",
            $$"""{"id":"{{g}}-2","body":"write poster{{g}}@example.com"}""",
        })));
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q", "--max-groups", "2")).ExitCode.ShouldBe(0);

        // When hubs are listed, then the case is analysed again at the default --max-groups 10 and listed again
        var atTwo = await CliRunner.RunAsync("hubs", "--case", casePath, "--json");
        var text = await CliRunner.RunAsync("hubs", "--case", casePath);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var atTen = await CliRunner.RunAsync("hubs", "--case", casePath, "--json");

        // Then each list is what the analysis decided (the booking line is a hub at 2 groups, not at 10)
        using (var doc = JsonDocument.Parse(atTwo.Out))
        {
            doc.RootElement.GetArrayLength().ShouldBe(1);
            doc.RootElement[0].GetProperty("value").GetString().ShouldBe("+17025550190");
            doc.RootElement[0].GetProperty("explanation").GetString()!.ShouldContain("(limit 2)");
        }

        using (var doc = JsonDocument.Parse(atTen.Out))
        {
            doc.RootElement.GetArrayLength().ShouldBe(0);
        }

        text.Out.ShouldContain("at --max-groups 2 --max-ads 1,000");
    }

    [Fact]
    public async Task Hubs_BeforeAnyAnalysis_SaysSoAndExitsOne()
    {
        var input = _dir.Write("a.jsonl", """{"id":"1","body":"call 702-555-0190"}""");
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q")).ExitCode.ShouldBe(0);

        var run = await CliRunner.RunAsync("hubs", "--case", casePath);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("netan analyze");
    }
}
