using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class HubsDefaultsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Hubs_WithoutThresholds_UsesThoseOfTheCurrentClustering()
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

        // When hubs are listed without and with an explicit threshold
        var implicitRun = await CliRunner.RunAsync("hubs", "--case", casePath, "--json");
        var explicitRun = await CliRunner.RunAsync("hubs", "--case", casePath, "--json", "--max-groups", "5");
        var text = await CliRunner.RunAsync("hubs", "--case", casePath);

        // Then the default follows the analysis (the booking line is a hub at 2 groups, not at 5)
        using (var doc = JsonDocument.Parse(implicitRun.Out))
        {
            doc.RootElement.GetArrayLength().ShouldBe(1);
            doc.RootElement[0].GetProperty("value").GetString().ShouldBe("+17025550190");
        }

        using (var doc = JsonDocument.Parse(explicitRun.Out))
        {
            doc.RootElement.GetArrayLength().ShouldBe(0);
        }

        text.Out.ShouldContain("at --max-groups 2 --max-ads 1,000");
    }
}
