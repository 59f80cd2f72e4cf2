using NetworkAnalysis.Core.Generation;

namespace NetworkAnalysis.Cli.Tests;

public sealed class RiskCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "netan-risk-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task<string> AnalysedCase()
    {
        Directory.CreateDirectory(_dir);
        var ads = Path.Combine(_dir, "ads.jsonl");
        await using (var writer = new StreamWriter(ads))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 500, Seed = 9 }), writer);
        }

        var casePath = Path.Combine(_dir, "t.case");
        (await CliRunner.RunAsync("ingest", ads, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath)).ExitCode.ShouldBe(0);
        return casePath;
    }

    [Fact]
    public async Task ClustersSortRiskAndShow_Redacted_PrintCaveatAndMaskPhones()
    {
        // Given an analysed case
        var casePath = await AnalysedCase();

        // When clusters are listed by risk and the top one is shown redacted
        var csv = await CliRunner.RunAsync("clusters", "--sort", "risk", "--format", "csv", "--case", casePath);
        var rows = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var top = rows[1].Split(',')[0];
        var show = await CliRunner.RunAsync("show", top, "--redact", "--case", casePath);

        // Then the list is in descending risk order and the explanation carries the caveat, masking phone numbers
        rows[0].ShouldStartWith("cluster_id,risk,");
        var risks = rows.Skip(1).Select(r => double.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        risks.ShouldBe(risks.OrderByDescending(r => r).ToList());
        show.ExitCode.ShouldBe(0);
        show.Out.ShouldContain("not a verdict");
        show.Out.ShouldNotMatch(@"555[-. ]?01\d\d");
    }

    [Fact]
    public async Task Show_UnknownCluster_FailsWithMessage()
    {
        // Given an analysed case
        var casePath = await AnalysedCase();

        // When an unknown cluster is shown
        var result = await CliRunner.RunAsync("show", "Cnope", "--case", casePath);

        // Then it fails with exit code 2 (bad input, as in report, chart, export and push) and says so
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("no cluster");
    }
}
