using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>What a new user hits first: --top in every format, '@' arguments, one exit code for a missing cluster, and
/// errors that name the file's line.</summary>
public sealed class CommandFixesTests(AnalysedCaseFixture fixture) : IClassFixture<AnalysedCaseFixture>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("size")]
    [InlineData("risk")]
    public async Task Clusters_Top_LimitsTableJsonAndCsvAlike(string sort)
    {
        var table = await CliRunner.RunAsync("clusters", "--top", "3", "--sort", sort, "--case", fixture.CasePath);
        var json = await CliRunner.RunAsync("clusters", "--top", "3", "--sort", sort, "--format", "json", "--case", fixture.CasePath);
        var csv = await CliRunner.RunAsync("clusters", "--top", "3", "--sort", sort, "--format", "csv", "--case", fixture.CasePath);

        // The table: one row per cluster, each starting with a cluster ID (C...)
        Regex.Count(table.Out, @"^\s*│\s*C[0-9a-f]{16}\b", RegexOptions.Multiline).ShouldBe(3, table.Out);
        using var doc = JsonDocument.Parse(json.Out);
        var list = sort == "risk" ? doc.RootElement.GetProperty("clusters") : doc.RootElement;
        list.GetArrayLength().ShouldBe(3);
        csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + 3);
        var all = await CliRunner.RunAsync("clusters", "--top", "0", "--format", "csv", "--case", fixture.CasePath);
        all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(4);
    }

    [Fact]
    public async Task Lookup_AtHandle_IsAnIdentifierNotAResponseFile()
    {
        // Given a handle-like identifier of the case
        string value;
        using (var db = new SqliteConnection($"Data Source={fixture.CasePath};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT value FROM entities WHERE type NOT IN ('phone', 'email', 'image', 'poster') ORDER BY type = 'cashtag', value LIMIT 1";
            value = (string)cmd.ExecuteScalar()!;
        }

        // When it is looked up with a leading '@' (System.CommandLine would read "@x" as a response file named x)
        var run = await CliRunner.RunAsync("lookup", "@" + value.TrimStart('$', '@'), "--case", fixture.CasePath);

        // Then
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain(value);
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Evaluate_Json_UsesSnakeCaseKeysLikeEveryOtherCommand()
    {
        var run = await CliRunner.RunAsync("evaluate", "--truth", fixture.TruthPath, "--case", fixture.CasePath, "--json");

        run.ExitCode.ShouldBe(0, run.All);
        using var doc = JsonDocument.Parse(run.Out);
        var keys = doc.RootElement.EnumerateObject()
            .SelectMany(p => p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().Select(q => q.Name).Prepend(p.Name) : [p.Name])
            .ToList();
        keys.ShouldContain("b_cubed_f1");
        keys.ShouldContain("naive_components");
        keys.ShouldContain("adjusted_rand_index");
        keys.ShouldAllBe(k => Regex.IsMatch(k, "^[a-z0-9_]+$"));
    }

    public static TheoryData<string[]> MissingClusterCommands => new()
    {
        new[] { "show", "Cnosuch" },
        new[] { "report", "Cnosuch", "--out", "{out}" },
        new[] { "chart", "network", "--cluster", "Cnosuch", "--out", "{out}.svg" },
        new[] { "export", "--format", "graphml", "--cluster", "Cnosuch", "--out", "{out}" },
    };

    [Theory]
    [MemberData(nameof(MissingClusterCommands))]
    public async Task MissingCluster_ExitsTwoInEveryCommand(string[] args)
    {
        var run = await CliRunner.RunAsync([.. args.Select(a => a.Replace("{out}", _dir.File("out"), StringComparison.Ordinal)), "--case", fixture.CasePath]);

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.Trim().Split('\n').Single().ShouldContain("no cluster Cnosuch");
    }

    [Fact]
    public async Task Ingest_MissingInputFile_CreatesNoEmptyCase()
    {
        var casePath = _dir.File("new.case");

        var run = await CliRunner.RunAsync("ingest", _dir.File("none.jsonl"), "--case", casePath);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("none.jsonl not found");
        File.Exists(casePath).ShouldBeFalse();
        Directory.GetFiles(_dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ingest_BrokenJsonLine_NamesTheFilesLineNotTheParsersLineZero()
    {
        var input = _dir.Write("a.jsonl", "{\"id\":\"1\",\"body\":\"call 702-555-0142\"}\n{\"id\":\"2\",\"body\":\"ok\"}\n{\"id\":\"3\",\"body\":x}\n");

        var run = await CliRunner.RunAsync("ingest", input, "--case", _dir.File("c.case"));

        run.ExitCode.ShouldBe(0, run.All);
        run.Error.ShouldContain("a.jsonl:3:");
        run.Error.ShouldNotContain("LineNumber");
        run.Error.ShouldContain("at byte 18 of the row");
    }

    [Fact]
    public async Task Show_PersonasAndObfuscatedNumbers_CountedAsTheAdsWriteThem()
    {
        // Given five ads sharing one phone: four personas who introduce themselves without "I'm", four stated ages, and the
        // number written plainly once and obfuscated four ways (keycaps, full-width digits, spaced digits, words)
        const string keycaps = "7\uFE0F\u20E30\uFE0F\u20E32\uFE0F\u20E35\uFE0F\u20E35\uFE0F\u20E35\uFE0F\u20E30\uFE0F\u20E31\uFE0F\u20E34\uFE0F\u20E33\uFE0F\u20E3";
        (string Id, string Body, int Age)[] ads =
        [
            ("1", "Sasha is new in town. Call (702) 555-0143.", 21),
            ("2", "Rosa is new in town. Text " + keycaps + " now", 22),
            ("3", "Amber - new in town. Call \uFF17\uFF10\uFF12\uFF15\uFF15\uFF15\uFF10\uFF11\uFF14\uFF13 now", 23),
            ("4", "Vera is here. Txt 7 0 2 5 5 5 0 1 4 3 now", 24),
            ("5", "Hot and sweet. Call seven oh two five five five zero one four three", 24),
        ];
        var input = _dir.Write("p.jsonl", string.Join('\n', ads.Select(a => JsonSerializer.Serialize(new { id = a.Id, body = a.Body, age = a.Age, city = "Las Vegas", country = "US" }))) + "\n");
        var casePath = _dir.File("p.case");
        (await CliRunner.RunAsync("ingest", input, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        using var lookup = JsonDocument.Parse((await CliRunner.RunAsync("lookup", "(702) 555-0143", "--case", casePath, "--json")).Out);
        var cluster = lookup.RootElement[0].GetProperty("clusters")[0].GetProperty("id").GetString()!;
        lookup.RootElement[0].GetProperty("ad_count").GetInt32().ShouldBe(5);

        // When
        var run = await CliRunner.RunAsync("show", cluster, "--case", casePath, "--json");

        // Then (before: "0 names" and "1 obfuscated": only "I'm <Name>" counted as a name and only letters as obfuscation)
        run.ExitCode.ShouldBe(0, run.All);
        run.Out.ShouldContain("one phone appears in 5 ads with 4 names, 4 stated ages");
        run.Out.ShouldContain("(4 obfuscated, 0 without a phone, 0 single-use phones)");
    }

    [Fact]
    public async Task Generate_Images_DirIsAPathInsideOut_AsTheReadmeShows()
    {
        // README: ./netan generate --ads 5000 --out corpus --images corpus/img
        var output = _dir.File("corpus");

        var run = await CliRunner.RunAsync("generate", "--ads", "40", "--seed", "2", "--out", output, "--images", Path.Combine(output, "img"), "-q");

        run.ExitCode.ShouldBe(0, run.All);
        Directory.GetFiles(Path.Combine(output, "img")).ShouldNotBeEmpty();
        Directory.Exists(Path.Combine(output, "corpus")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(output, "ads.jsonl")).ShouldContain("\"img/");
    }
}
