using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Commands => ["demo", "generate", "ingest", "analyze", "clusters", "lookup", "evaluate", "bench", "hubs", "explain"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(string command)
    {
        var run = await CliRunner.RunAsync(command, "--help");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Usage:");
        run.Out.ShouldContain(command);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwoWithOneLine()
    {
        var run = await CliRunner.RunAsync("frobnicate");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("frobnicate");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task MissingCaseFile_ExitsTwoWithoutStackTrace()
    {
        var run = await CliRunner.RunAsync("clusters", "--case", _dir.File("none.case"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("case file not found");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task MissingInputFile_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("ingest", _dir.File("none.jsonl"), "--case", _dir.File("c.case"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("none.jsonl not found");
    }

    [Fact]
    public async Task BadMap_ExitsTwoNamingTheField()
    {
        var input = _dir.Write("a.csv", "id,body\n1,x\n");

        var run = await CliRunner.RunAsync("ingest", input, "--map", "nosuch=x", "--case", _dir.File("c.case"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nosuch");
    }

    [Fact]
    public async Task Ingest_MalformedRow_ReportsFileAndLineAndIngestsTheRest()
    {
        var input = _dir.Write("a.csv", "id,body\n1,call 702-555-0142\n2,\"open\n3,ok\n");
        var casePath = _dir.File("c.case");

        var run = await CliRunner.RunAsync("ingest", input, "--case", casePath);

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldContain("a.csv:3:");
        run.Out.ShouldContain("2 ads added");
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "--strict")).Out.ShouldContain("already ingested");
    }

    [Fact]
    public async Task Pipeline_GenerateIngestAnalyzeClustersEvaluateLookup_Works()
    {
        // Given
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("generate", "--ads", "800", "--seed", "5", "--out", _dir.Path)).ExitCode.ShouldBe(0);

        // When
        (await CliRunner.RunAsync("ingest", _dir.File("ads.jsonl"), "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath)).ExitCode.ShouldBe(0);
        var members = await CliRunner.RunAsync("clusters", "--members", "--format", "csv", "--case", casePath);
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath);
        var evaluation = await CliRunner.RunAsync("evaluate", "--truth", _dir.File("truth.csv"), "--case", casePath, "--json");

        // Then: every ad appears exactly once in the members listing
        var rows = members.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].ShouldBe("ad_id,cluster_id,risk");
        rows.Length.ShouldBe(801);
        rows.Skip(1).ShouldAllBe(r => double.Parse(r.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        rows.Skip(1).Select(r => r.Split(',')[0]).Distinct().Count().ShouldBe(800);
        json.Out.ShouldStartWith("[{\"id\":");
        evaluation.Out.ShouldContain("\"b_cubed_f1\"");
        evaluation.Out.ShouldContain("naive_components");

        var phone = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(_dir.File("ads.jsonl")), @"\(\d{3}\) 555-01\d\d").Value;
        var lookup = await CliRunner.RunAsync("lookup", phone, "--case", casePath);
        lookup.ExitCode.ShouldBe(0);
        lookup.Out.ShouldContain("phone");
    }

    [Fact]
    public async Task Demo_SmallCorpus_PrintsTopClustersAndCasePath()
    {
        var run = await CliRunner.RunAsync("demo", "--ads", "600", "--out", _dir.Path, "--top", "5");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("Cluster");
        run.Out.ShouldContain("First seen");
        run.Out.ShouldContain("Case file:");
        File.Exists(_dir.File("demo.case")).ShouldBeTrue();
    }

    [Fact]
    public async Task Clusters_CsvOutput_NeutralisesFormulaInjectionInCities()
    {
        var input = _dir.Write("a.jsonl", """{"id":"1","body":"702-555-0142","city":"=HYPERLINK(\"http://x\")"}""" + "\n");
        var casePath = _dir.File("c.case");
        await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q");
        await CliRunner.RunAsync("analyze", "--case", casePath, "-q");

        var csv = await CliRunner.RunAsync("clusters", "--format", "csv", "--case", casePath);

        csv.Out.ShouldContain("\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    [Fact]
    public async Task Extract_ObfuscatedPhone_PrintsE164WithSpanIntoTheOriginalText()
    {
        // Given
        const string body = "call seven oh two five five five zero one four three now";
        var input = _dir.Write("a.jsonl", $$"""{"id":"9","body":"{{body}}","country":"US"}""" + "\n");

        // When
        var run = await CliRunner.RunAsync("extract", input, "--format", "jsonl");

        // Then
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"value\":\"+17025550143\"");
        using var doc = System.Text.Json.JsonDocument.Parse(run.Out.Trim());
        doc.RootElement.GetProperty("id").GetString().ShouldBe("9");
        var phone = doc.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "phone");
        phone.GetProperty("value").GetString().ShouldBe("+17025550143");
        var start = phone.GetProperty("start").GetInt32();
        var end = phone.GetProperty("end").GetInt32();
        body[start..end].ShouldBe(phone.GetProperty("raw").GetString());
    }
}
