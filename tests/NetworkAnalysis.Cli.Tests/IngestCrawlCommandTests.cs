using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan generate --format</c>, <c>netan ingest FOLDER</c> and <c>netan profile test</c>.</summary>
public sealed class IngestCrawlCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GenerateHtml_IngestTheFolder_ThenProfileTestAPage()
    {
        var data = _dir.File("data");
        (await CliRunner.RunAsync("generate", "--ads", "60", "--seed", "3", "--out", data, "--format", "html", "-q")).ExitCode.ShouldBe(0);

        var ingest = await CliRunner.RunAsync("-c", _dir.File("c.case"), "--json", "-q", "ingest", Path.Combine(data, "pages"));
        ingest.ExitCode.ShouldBe(0, ingest.All);
        var results = JsonDocument.Parse(ingest.Out).RootElement.EnumerateArray().ToList();
        results.Sum(r => r.GetProperty("ads_added").GetInt64()).ShouldBe(60);
        results.Sum(r => r.GetProperty("rows_failed").GetInt64()).ShouldBe(0);

        var page = Directory.EnumerateFiles(Path.Combine(data, "pages", "siteb.example")).Order(StringComparer.Ordinal).First();
        var test = await CliRunner.RunAsync("profile", "test", "siteb.example", page);
        test.ExitCode.ShouldBe(0, test.All);
        test.Out.ShouldContain("profile: siteb.example");
        test.Out.ShouldContain("ad         siteb.example/" + Path.GetFileNameWithoutExtension(page).Split('.')[0]);
        test.Out.ShouldContain("photo      https://photos.example.net/");
    }

    [Fact]
    public async Task ProfileTest_BadProfile_IsExit2WithFileAndLine()
    {
        var profile = _dir.Write("bad.yaml", "name: x\ntitle: 'h1[['\n");
        var page = _dir.Write("p.html", "<html><title>t</title><body><p>hello there</p></body></html>");
        var run = await CliRunner.RunAsync("profile", "test", profile, page);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("bad.yaml:2: 'title'");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Ingest_BadProfilesOption_IsExit2()
    {
        var ads = _dir.Write("a.jsonl", "{\"id\":\"1\",\"body\":\"x\"}\n");
        var run = await CliRunner.RunAsync("-c", _dir.File("c.case"), "ingest", ads, "--profiles", _dir.File("none"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--profiles");
        run.Error.ShouldContain("not found");
    }
}
