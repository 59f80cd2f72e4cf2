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

    [Theory]
    [InlineData("html")]
    [InlineData("warc")]
    [InlineData("cdr")]
    [InlineData("xlsx")]
    public async Task Extract_ReadsEveryIngestFormat_TheSameIdentifiersAsTheJsonLines(string format)
    {
        // Given the same synthetic world as JSON Lines and in another format
        var data = _dir.File("data");
        (await CliRunner.RunAsync("generate", "--ads", "40", "--seed", "4", "--out", data, "--format", format, "-q")).ExitCode.ShouldBe(0);
        var input = format switch
        {
            "html" => Path.Combine(data, "pages"),
            _ => Directory.EnumerateFiles(data).Single(f => !f.EndsWith("ads.jsonl", StringComparison.Ordinal) && !f.EndsWith("truth.csv", StringComparison.Ordinal)),
        };

        // When
        var expected = await CliRunner.RunAsync("extract", Path.Combine(data, "ads.jsonl"));
        var actual = await CliRunner.RunAsync("extract", input);

        // Then every ad of the JSON Lines is there with the same phones and e-mails (re-crawls are extra lines of the same ads)
        expected.ExitCode.ShouldBe(0, expected.All);
        actual.ExitCode.ShouldBe(0, actual.All);
        static Dictionary<string, HashSet<string>> Identifiers(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .GroupBy(e => e.GetProperty("id").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("entities").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() is "phone" or "email")
                .Select(m => m.GetProperty("value").GetString()!).ToHashSet());
        var want = Identifiers(expected.Out);
        var got = Identifiers(actual.Out);
        want.Count.ShouldBe(40);
        got.Keys.ShouldBe(want.Keys, ignoreOrder: true);
        foreach (var (id, ids) in want)
        {
            got[id].SetEquals(ids).ShouldBeTrue($"ad {id}: {string.Join(",", got[id])} vs {string.Join(",", ids)}");
        }
    }

    [Fact]
    public async Task Extract_UnknownFormatOrMissingFile_IsExit2WithTheName()
    {
        var junk = _dir.Write("x.bin", "\u0001\u0002 nothing here");
        var run = await CliRunner.RunAsync("extract", junk);
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("x.bin: unknown input format");
        run.Error.ShouldNotContain("   at ");
        var missing = await CliRunner.RunAsync("extract", _dir.File("none.jsonl"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("none.jsonl");
    }

    [Fact]
    public async Task BenchWarc_IngestsTheSameAdsAsWarcAndJsonLines_AndReportsBothRates()
    {
        // No speed is asserted (figures come from real benchmark runs): only that both formats ingest every ad and are reported.
        var run = await CliRunner.RunAsync("bench", "--ads", "150", "--seed", "2", "--warc", "--json", "--keep", _dir.File("bench"));
        run.ExitCode.ShouldBe(0, run.All);
        var formats = JsonDocument.Parse(run.Out).RootElement.GetProperty("ingest_by_format").EnumerateArray().ToList();
        formats.Select(f => f.GetProperty("format").GetString()).ShouldBe(["JSON Lines", "WARC.gz (pages + photos)"]);
        formats.ShouldAllBe(f => f.GetProperty("ads").GetInt64() == 150 && f.GetProperty("bytes").GetInt64() > 0 && f.GetProperty("mb_per_second").GetDouble() > 0);
        File.Exists(_dir.File("bench/crawl.warc.gz")).ShouldBeTrue();
    }

    [Fact]
    public async Task IngestMirrorFolder_LinksAPhotoKnownOnlyByUrl()
    {
        // Given a saved page whose photo is only a URL, and later a mirror folder holding that photo at HOST/PATH
        var page = _dir.Write("a.html", "<html><head><title>Ad</title></head><body><div><p>New in town, call 702-555-0120 today</p><img src=\"https://img.example.com/p/7.png\"></div></body></html>");
        Directory.CreateDirectory(_dir.File("mirror/img.example.com/p"));
        using (var png = File.Create(_dir.File("mirror/img.example.com/p/7.png")))
        {
            NetworkAnalysis.Core.Imaging.ImageCodec.Encode(new NetworkAnalysis.Core.Imaging.RgbImage(8, 8), NetworkAnalysis.Core.Imaging.ImageFormat.Png, png).ShouldBeNull();
        }

        (await CliRunner.RunAsync("-c", _dir.File("c.case"), "-q", "ingest", page)).ExitCode.ShouldBe(0);

        // When
        var run = await CliRunner.RunAsync("-c", _dir.File("c.case"), "ingest", _dir.File("mirror"));

        // Then
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("1 photos known only by URL found in the folder and linked by hash");
    }
}
