using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>What reaches the terminal is what the input says, and nothing more: control sequences in file names and ad
/// fields are shown as escapes, bidirectional controls and zero-width characters as markers.</summary>
public sealed class TerminalSafeOutputTests : IDisposable
{
    private const string TitleSequence = "\u001B]0;pwned\u0007";
    private const string ClearScreen = "\u001B[2J";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>No control character reaches the terminal; no invisible character reaches what people read (the console,
    /// standard error, and every output unless <paramref name="data"/>: CSV or JSON redirected, which keeps them as data).</summary>
    private static void ShouldBeTerminalSafe(CliRunner.Run run, bool data = false)
    {
        run.All.Where(c => char.IsControl(c) && c != '\n' && c != '\t' && c != '\r').ShouldBeEmpty(run.All);
        foreach (var text in data ? [run.Error] : new[] { run.Out, run.Error })
        {
            text.ShouldNotContain('\u202E', text);
            text.ShouldNotContain('\u200B', text);
        }
    }

    /// <summary>A case ingested from a file whose name carries a title change and a screen clear, with hostile ads.</summary>
    private async Task<(string CasePath, string File, CliRunner.Run Ingest)> HostileCaseAsync()
    {
        var file = _dir.Write("ads" + TitleSequence + ClearScreen + ".jsonl", string.Join('\n',
            JsonSerializer.Serialize(new { id = "h1", site = "s", title = "Pay \u202E3410-555-207", body = "Pay 702-555-0143 now \u202Eevil\u202C " + ClearScreen, poster = "anna\u200B99", city = "Reno" }),
            JsonSerializer.Serialize(new { id = "h2" + TitleSequence, site = "s", title = "again" + ClearScreen, body = "call 702-555-0143 \u009B31m red", poster = "anna99", city = "Elko" }),
            JsonSerializer.Serialize(new { id = "h\u202E3", site = "s", title = "third", body = "text 702 555 0143 x\u200By", city = "Reno" }),
            "{ not json " + ClearScreen,
            "") );
        var casePath = _dir.File("hostile.case");
        var ingest = await CliRunner.RunAsync("ingest", file, "--case", casePath);
        ingest.ExitCode.ShouldBe(0, ingest.All);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        return (casePath, file, ingest);
    }

    [Fact]
    public async Task Ingest_FileNameWithEscapeSequences_IsPrintedAsVisibleEscapes()
    {
        var (_, _, ingest) = await HostileCaseAsync();

        ShouldBeTerminalSafe(ingest);
        ingest.All.ShouldContain("ads\\x1B]0;pwned\\x07\\x1B[2J.jsonl");
        ingest.Error.ShouldContain("warning:");
    }

    [Fact]
    public async Task LookupShowClustersExplain_HostileAdFields_AreTerminalSafeAndShowMarkers()
    {
        // Given
        var (casePath, _, _) = await HostileCaseAsync();
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath);
        using var doc = JsonDocument.Parse(json.Out);
        var cluster = doc.RootElement[0].GetProperty("id").GetString()!;

        // When
        var runs = new[]
        {
            await CliRunner.RunAsync("lookup", "702-555-0143", "--case", casePath),
            await CliRunner.RunAsync("lookup", "s:anna99", "--case", casePath),
            await CliRunner.RunAsync("show", cluster, "--case", casePath, "--evidence"),
            await CliRunner.RunAsync("clusters", "--case", casePath),
            await CliRunner.RunAsync("explain", "s:h1", "s:h\u202E3", "--case", casePath),
            await CliRunner.RunAsync("hubs", "--case", casePath),
        };

        // Then: nothing raw reaches the terminal, and the hidden characters are shown
        foreach (var run in runs)
        {
            ShouldBeTerminalSafe(run);
        }

        var members = await CliRunner.RunAsync("clusters", "--members", "--format", "csv", "--case", casePath);
        ShouldBeTerminalSafe(members, data: true);
        members.Out.ShouldContain("h\u202E3", customMessage: "redirected CSV keeps the ad ID as data");
        runs[0].ExitCode.ShouldBe(0, runs[0].All);
        runs[0].Out.ShouldContain("h⟦U+202E⟧3");
        runs[0].Out.ShouldContain("h2\\x1B]0;pwned\\x07");
    }

    [Fact]
    public async Task Report_HostileAdText_ShowsMarkersNotInvisibleCharacters()
    {
        // Given
        var (casePath, _, _) = await HostileCaseAsync();
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath);
        using var doc = JsonDocument.Parse(json.Out);
        var cluster = doc.RootElement[0].GetProperty("id").GetString()!;
        var outDir = _dir.File("report");

        // When
        var run = await CliRunner.RunAsync("report", cluster, "--out", outDir, "--show-identifiers", "--case", casePath);

        // Then: the report and its charts show ⟦U+202E⟧ where the text holds U+202E
        run.ExitCode.ShouldBe(0, run.All);
        ShouldBeTerminalSafe(run);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        html.ShouldContain("Pay ⟦U+202E⟧3410-555-207");
        html.ShouldContain("⟦U+202E⟧evil⟦U+202C⟧");
        foreach (var page in Directory.GetFiles(outDir, "*.svg").Append(Path.Combine(outDir, "report.html")))
        {
            var text = File.ReadAllText(page);
            text.ShouldNotContain('\u202E', page);
            text.ShouldNotContain('\u200B', page);
        }
    }

    [Fact]
    public async Task DoctorAndProfileTest_FileNamesWithEscapeSequences_AreTerminalSafe()
    {
        // Given: a case and a saved page whose names carry escape sequences
        var (casePath, _, _) = await HostileCaseAsync();
        var hostileCase = _dir.File("c" + TitleSequence + ClearScreen + ".case");
        File.Copy(casePath, hostileCase);
        var page = _dir.Write("page" + TitleSequence + ClearScreen + ".html", "<html><head><title>Ad \u202E1</title></head><body><h1>Hi" + ClearScreen + "</h1><p>call 702-555-0143</p></body></html>");
        var missing = _dir.File("missing" + TitleSequence + ".jsonl");

        // When
        var runs = new[]
        {
            await CliRunner.RunAsync("doctor", hostileCase),
            await CliRunner.RunAsync("profile", "test", "generic", page),
            await CliRunner.RunAsync("ingest", missing, "--case", _dir.File("other.case")),
            await CliRunner.RunAsync("extract", page),
        };

        // Then
        foreach (var run in runs)
        {
            ShouldBeTerminalSafe(run);
        }

        runs[0].ExitCode.ShouldBe(0, runs[0].All);
    }
}
