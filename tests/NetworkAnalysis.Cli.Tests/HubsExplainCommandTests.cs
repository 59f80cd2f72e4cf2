using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class HubsExplainCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Hubs_BookingLineAcrossRings_ListedWithReason()
    {
        // Given five two-ad rings (own phone each) whose first ads also carry one booking line
        var lines = new List<string>();
        for (var r = 0; r < 5; r++)
        {
            lines.Add($$"""{"id":"r{{r}}a","body":"call 702-555-01{{r:D2}} or bookings 702-555-0199"}""");
            lines.Add($$"""{"id":"r{{r}}b","body":"call 702-555-01{{r:D2}}"}""");
        }

        var casePath = await Ingest(lines, "--max-groups", "3");

        // When
        var run = await CliRunner.RunAsync("hubs", "--case", casePath, "--json");

        // Then
        run.ExitCode.ShouldBe(0);
        var hub = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ShouldHaveSingleItem();
        hub.GetProperty("value").GetString().ShouldBe("+17025550199");
        hub.GetProperty("reason").GetString().ShouldBe("too_many_groups");
    }

    [Fact]
    public async Task Explain_AdsSharingAPhone_ShowsPathWithMention()
    {
        // Given
        var casePath = await Ingest([
            """{"id":"1","body":"call (702) 555-0142"}""",
            """{"id":"2","body":"text 702.555.0142 or x@example.com"}""",
            """{"id":"3","body":"x@example.com"}""",
            """{"id":"4","body":"nothing"}""",
        ]);

        // When
        var linked = await CliRunner.RunAsync("explain", "1", "3", "--case", casePath, "--json");
        var unlinked = await CliRunner.RunAsync("explain", "1", "4", "--case", casePath);

        // Then
        linked.ExitCode.ShouldBe(0);
        var json = System.Text.Json.JsonDocument.Parse(linked.Out).RootElement;
        json.GetProperty("linked").GetBoolean().ShouldBeTrue();
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("via").GetString()).ShouldBe(["phone:+17025550142", "email:x@example.com"]);
        steps[0].GetProperty("from_mentions").EnumerateArray().Single().GetString()!.ShouldContain("(702) 555-0142");
        unlinked.ExitCode.ShouldBe(1);
        unlinked.Out.ShouldContain("not linked");
    }

    [Fact]
    public async Task Explain_UnknownAd_ExitsTwo()
    {
        var casePath = await Ingest(["""{"id":"1","body":"x"}"""]);

        var run = await CliRunner.RunAsync("explain", "1", "nope", "--case", casePath);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("no ad");
    }

    private async Task<string> Ingest(IEnumerable<string> lines, params string[] analyzeOptions)
    {
        var file = _dir.Write("a.jsonl", string.Join('\n', lines));
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("ingest", file, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(["analyze", "--case", casePath, "--quiet", .. analyzeOptions])).ExitCode.ShouldBe(0);
        return casePath;
    }
}
