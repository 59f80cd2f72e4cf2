using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// Issue #22's differential test for the read side: a generated, ingested, analysed and scored case (400 ads) copied to
/// PostgreSQL with <c>netan case copy</c>; then every command that runs on a PostgreSQL case prints, writes and exits
/// exactly as it does on the case file (only the case's own name and the time differ); so do the writing commands
/// converted so far (score, decide, decisions import).
/// </summary>
public sealed partial class PostgresCaseCommandTests(AnalysedCaseFixture fixture, PostgresDatabase database) : IClassFixture<AnalysedCaseFixture>, IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task ReadCommands_OnThePostgresCopy_PrintExactlyWhatTheCaseFilePrints()
    {
        // Given: the scored case file and its copy on PostgreSQL
        var (file, remote) = await BothStores();
        var cluster = await LargestCluster(file);
        using var shown = JsonDocument.Parse((await CliRunner.RunAsync("show", cluster, "--json", "--case", file)).Out);
        var phone = shown.RootElement.GetProperty("phones")[0].GetProperty("number").GetString()!;
        string[][] commands =
        [
            ["clusters"], ["clusters", "--json"], ["clusters", "--json", "--min-size", "3"], ["clusters", "--sort", "risk"], ["clusters", "--members", "--format", "csv"],
            ["clusters", "--members", "--json"], ["show", cluster], ["show", cluster, "--json"], ["explain", "1", "2"], ["explain", "1", "2", "--json"],
            ["hubs"], ["hubs", "--json"], ["lookup", phone], ["lookup", phone, "--json"], ["decisions"], ["decisions", "--json"],
            ["show", "C_no_such_cluster"], ["lookup", "nothing-like-this@example.com"], ["evaluate", "--truth", fixture.TruthPath],
            ["evaluate", "--truth", fixture.TruthPath, "--json"],
        ];

        foreach (var args in commands)
        {
            // When
            var onFile = await CliRunner.RunAsync([.. args, "--case", file]);
            var onServer = await CliRunner.RunAsync([.. args, "--case", remote]);

            // Then
            var what = "netan " + string.Join(' ', args);
            onServer.ExitCode.ShouldBe(onFile.ExitCode, $"{what}: {onServer.All}");
            onServer.Out.ShouldBe(onFile.Out, what);
            onServer.Error.ShouldBe(onFile.Error, what);
        }

        // Then: the audit log on the server took every command's entry, chained by the same rule
        var verify = await CliRunner.RunAsync("audit", "verify", "--case", remote);
        verify.ExitCode.ShouldBe(0, verify.All);
        verify.Out.ShouldStartWith("Audit chain intact: ");
        var log = await CliRunner.RunAsync("audit", "show", "--json", "--case", remote);
        log.ExitCode.ShouldBe(0, log.All);
        log.Out.ShouldContain("\"action\":\"lookup\"");
    }

    [SkippableFact]
    public async Task ReportEveryExportFormatAndCharts_OnThePostgresCopy_WriteTheSameBytes()
    {
        // Given
        var (file, remote) = await BothStores();
        var cluster = await LargestCluster(file);
        var runs = new List<(string[] Args, string Folder)>
        {
            (["report", cluster, "--analyst", "T"], "report"),
            (["report", cluster, "--analyst", "T", "--show-identifiers"], "report-ids"),
        };
        foreach (var chart in new[] { "sizes", "overview", "prices", "ages", "activity" })
        {
            runs.Add((["chart", chart, "--out"], "chart-" + chart + "/" + chart + ".svg"));
        }

        runs.Add((["chart", "timeline", "--cluster", cluster, "--out"], "chart-timeline/timeline.svg"));
        runs.Add((["chart", "movement", "--cluster", cluster, "--out"], "chart-movement/movement.svg"));
        foreach (var format in new[] { "graphml", "gexf", "cytoscape", "neo4j", "ftm", "csv", "parquet" })
        {
            runs.Add((["export", "--format", format], "export-" + format));
            runs.Add((["export", "--format", format, "--cluster", cluster], "export-" + format + "-cluster"));
        }

        foreach (var (args, output) in runs)
        {
            // When: a report or export into a folder; a chart (its args end with --out) into a file of its own folder
            var chart = args[^1] == "--out";
            var folder = chart ? Path.GetDirectoryName(output)! : output;
            Directory.CreateDirectory(_dir.File("file/" + folder));
            Directory.CreateDirectory(_dir.File("server/" + folder));
            var onFile = await CliRunner.RunAsync([.. args, .. chart ? Array.Empty<string>() : ["--out"], _dir.File("file/" + output), "-q", "--case", file]);
            var onServer = await CliRunner.RunAsync([.. args, .. chart ? Array.Empty<string>() : ["--out"], _dir.File("server/" + output), "-q", "--case", remote]);

            // Then: same exit and messages (a report without `npm ci` leaves out the map, exit 1, either way) ...
            var what = "netan " + string.Join(' ', args);
            onFile.ExitCode.ShouldBeOneOf([0, 1], $"{what}: {onFile.All}");
            onServer.ExitCode.ShouldBe(onFile.ExitCode, $"{what}: {onServer.All}");
            onServer.Error.ShouldBe(onFile.Error, what);

            // ... and the same files with the same bytes, but for the case's name and the time in the report and manifest
            var expected = Directory.GetFiles(_dir.File("file/" + folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            expected.ShouldNotBeEmpty(what);
            Directory.GetFiles(_dir.File("server/" + folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList().ShouldBe(expected, what);
            foreach (var name in expected)
            {
                var a = File.ReadAllBytes(Path.Combine(_dir.File("file/" + folder), name!));
                var b = File.ReadAllBytes(Path.Combine(_dir.File("server/" + folder), name!));
                if (name is "report.html" or "manifest.json" or "SHA256SUMS")
                {
                    Normalised(a, file).ShouldBe(Normalised(b, remote), $"{what}: {name}");
                }
                else
                {
                    b.SequenceEqual(a).ShouldBeTrue($"{what}: {name} differs");
                }
            }
        }
    }

    [SkippableFact]
    public async Task Doctor_OnAPostgresCase_WritesNothing_AndNeverShowsThePassword()
    {
        // Given
        var (_, remote) = await BothStores();
        var withPassword = remote.Replace("postgresql://netan@", "postgresql://netan:Hunter2x@", StringComparison.Ordinal);
        var before = await CliRunner.RunAsync("case", "hash", remote);

        // When
        var run = await CliRunner.RunAsync("doctor", "--case", withPassword);

        // Then: healthy, the locator masked, and the case on the server unchanged (its content hash)
        run.ExitCode.ShouldBe(0, run.All);
        run.All.ShouldNotContain("Hunter2x");
        (await CliRunner.RunAsync("case", "hash", remote)).Out.ShouldBe(before.Out);
    }

    [Fact]
    public void EveryCommandThatOpensACase_IsOnOneOfTheLists()
    {
        // Given: every command netan has that runs (has an action), by its path as typed
        var root = NetanApp.Build(new CliContext(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null, TextWriter.Null, Interactive: false));
        var paths = new List<string>();
        void Walk(System.CommandLine.Command command, string prefix)
        {
            foreach (var sub in command.Subcommands)
            {
                var path = prefix.Length == 0 ? sub.Name : prefix + " " + sub.Name;
                if (sub.Action is not null)
                {
                    paths.Add(path);
                }

                Walk(sub, path);
            }
        }

        Walk(root, "");

        // Then: each runs on PostgreSQL, never opens the case, or is a `case` command (which takes a locator itself);
        // a command added later lands on neither list until a test shows it on both stores
        paths.Count.ShouldBeGreaterThan(30);
        paths.Where(p => !PostgresCommands.Supported.Contains(p) && !PostgresCommands.NoCase.Contains(p.Split(' ')[0]) && !p.StartsWith("case", StringComparison.Ordinal))
            .ShouldBeEmpty();
        PostgresCommands.Supported.Where(s => !paths.Contains(s)).ShouldBeEmpty("the list names only commands netan has");

        // Then: the guard still refuses one that is not on the list, by name, with the password masked
        var parse = root.Parse(["clusters", "--case", "postgresql://netan:Hunter2x@127.0.0.1/team"]);
        var refusal = PostgresCommands.Refusal(parse, "not-yet-shown")!;
        refusal.ShouldStartWith("`netan not-yet-shown` does not run on a PostgreSQL case yet (issue #22; so far ");
        refusal.ShouldContain("netan case copy postgresql://netan:***@");
        refusal.ShouldNotContain("Hunter2x");
        PostgresCommands.Refusal(parse, "clusters").ShouldBeNull();
    }

    [SkippableFact]
    public async Task ScoreAndDecisions_OnThePostgresCopy_ChangeItAsTheyChangeTheCaseFile()
    {
        // Given: the case unscored on both stores, and a decisions file
        Prerequisite.RequirePostgres();
        var file = _dir.File("unscored.case");
        File.Copy(fixture.CasePath, file);
        var remote = database.Schema();
        var copied = await CliRunner.RunAsync("case", "copy", file, remote, "-q");
        copied.ExitCode.ShouldBe(0, copied.All);
        var cluster = await LargestCluster(file);
        using var shown = JsonDocument.Parse((await CliRunner.RunAsync("show", cluster, "--json", "--case", file)).Out);
        var phone = shown.RootElement.GetProperty("phones")[0].GetProperty("number").GetString()!;
        string[][] commands =
        [
            ["score"], ["clusters", "--sort", "risk"], ["show", cluster, "--json"], ["decide", "hub", phone, "--why", "a switchboard"],
            ["decide", "undo", "1"], ["decide", "never-hub", phone, "--why", "a personal number after all"], ["decisions", "--json"],
            ["decisions", "export", "{out}"], ["decisions", "import", "{in}"], ["decisions", "--json"], ["hubs", "--json"],
        ];

        foreach (var args in commands)
        {
            // When: each store's exported decisions are imported back into it (nothing new: they are all there)
            string[] Args(string location, string side) => [.. args.Select(a => a.Replace("{out}", _dir.File(side + "-decisions.json"), StringComparison.Ordinal)
                .Replace("{in}", _dir.File(side + "-decisions.json"), StringComparison.Ordinal)), "--case", location];
            var onFile = await CliRunner.RunAsync(Args(file, "file"));
            var onServer = await CliRunner.RunAsync(Args(remote, "server"));

            // Then: the same, but for when each decision was taken
            var what = "netan " + string.Join(' ', args);
            onFile.ExitCode.ShouldBe(0, $"{what}: {onFile.All}");
            onServer.ExitCode.ShouldBe(onFile.ExitCode, $"{what}: {onServer.All}");
            Timestamp().Replace(onServer.Out, "TIME").Replace("server-decisions", "file-decisions", StringComparison.Ordinal).ShouldBe(Timestamp().Replace(onFile.Out, "TIME"), what);
            onServer.Error.Replace("server-decisions", "file-decisions", StringComparison.Ordinal).ShouldBe(onFile.Error, what);
        }

        (await CliRunner.RunAsync("audit", "verify", "--case", remote)).ExitCode.ShouldBe(0);
    }

    [SkippableFact]
    public async Task ReadCommand_OnAnEmptySchema_SaysThereIsNoCaseThere()
    {
        // Given: a schema nothing was copied into
        Prerequisite.RequirePostgres();
        var empty = database.Schema();

        // When
        var run = await CliRunner.RunAsync("clusters", "--case", empty);

        // Then
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.Trim().ShouldMatch(@"^netan: postgresql://netan@127\.0\.0\.1:\d+/\w+\?schema=s\d+ holds no case \(no tables in schema s\d+\): put one there with `netan case copy my\.case postgresql://");
    }

    /// <summary>A scored copy of the fixture's case file, and its copy on PostgreSQL (the copy verified by its hash).</summary>
    private async Task<(string File, string Remote)> BothStores()
    {
        Prerequisite.RequirePostgres();
        var file = _dir.File("case-" + Guid.NewGuid().ToString("N")[..8] + ".case");
        File.Copy(fixture.CasePath, file);
        (await CliRunner.RunAsync("score", "--case", file, "-q")).ExitCode.ShouldBe(0);
        var remote = database.Schema();
        var copy = await CliRunner.RunAsync("case", "copy", file, remote, "-q");
        copy.ExitCode.ShouldBe(0, copy.All);
        return (file, remote);
    }

    private static async Task<string> LargestCluster(string casePath)
    {
        var run = await CliRunner.RunAsync("clusters", "--json", "--top", "1", "--case", casePath);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement[0].GetProperty("id").GetString()!;
    }

    /// <summary>A report or manifest with the case's name (file name, or the masked locator) and every timestamp replaced,
    /// and SHA256SUMS without the lines of the files that hold them.</summary>
    private static string Normalised(byte[] bytes, string location)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var name = location.StartsWith("postgresql:", StringComparison.Ordinal) ? location : Path.GetFileName(location);
        text = Timestamp().Replace(text.Replace(name, "CASE", StringComparison.Ordinal), "TIME");
        // The manifest's hash and size of report.html (which holds the name and the time) go, the rest must match.
        text = ReportOutput().Replace(text, "\"path\": \"report.html\"");
        return string.Join('\n', text.Split('\n').Where(l => !l.EndsWith("  report.html", StringComparison.Ordinal) && !l.EndsWith("  manifest.json", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"""path"": ""report\.html"",\s*""sha256"": ""[0-9a-f]{64}"",\s*""bytes"": \d+")]
    private static partial Regex ReportOutput();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?UTC)?(\+00:00|Z)?")]
    private static partial Regex Timestamp();
}
