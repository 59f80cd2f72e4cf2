using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan ingest --case postgresql://... [--shard i/n]</c>: what it prints, what it refuses, and the differential check
/// (the PostgreSQL case copied back to a file and analysed gives the clusters of a case-file ingest).</summary>
public sealed class IngestPostgresCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> Corpus()
    {
        var data = _dir.File("data");
        (await CliRunner.RunAsync("generate", "-n", "1500", "--seed", "4", "-o", data, "-q")).ExitCode.ShouldBe(0);
        return Path.Combine(data, "ads.jsonl");
    }

    [SkippableFact]
    public async Task TwoShards_IntoPostgres_CopiedBackAndAnalysed_ClusterAsACaseFileIngest()
    {
        // Given
        Prerequisite.RequirePostgres();
        var corpus = await Corpus();
        var remote = database.Schema();
        var reference = _dir.File("reference.case");

        // When: two workers, one per shard, then the copy back; and one case-file ingest
        var first = await CliRunner.RunAsync("ingest", corpus, "--case", remote, "--shard", "0/2", "--json", "-q");
        var second = await CliRunner.RunAsync("ingest", corpus, "--case", remote, "--shard", "1/2", "-q");
        var back = _dir.File("back.case");
        (await CliRunner.RunAsync("case", "copy", remote, back, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("ingest", corpus, "--case", reference, "-q")).ExitCode.ShouldBe(0);
        foreach (var c in new[] { back, reference })
        {
            (await CliRunner.RunAsync("analyze", "--case", c, "-q")).ExitCode.ShouldBe(0);
        }

        // Then: the JSON names the shard, and the two cases list the same clusters with the same members
        first.ExitCode.ShouldBe(0, first.All);
        second.ExitCode.ShouldBe(0, second.All);
        var json = JsonDocument.Parse(first.Out).RootElement[0];
        json.GetProperty("shard").GetString().ShouldBe("0/2");
        var firstAds = json.GetProperty("ads_added").GetInt64();
        firstAds.ShouldBeInRange(500, 1000);
        foreach (var args in new[] { new[] { "clusters", "--json" }, ["clusters", "--members", "--format", "csv"], ["hubs"] })
        {
            var a = await CliRunner.RunAsync([.. args, "--case", reference]);
            var b = await CliRunner.RunAsync([.. args, "--case", back]);
            b.Out.ShouldBe(a.Out, string.Join(' ', args));
        }

        (await CliRunner.RunAsync("audit", "verify", "--case", back)).ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData("4/4", "--shard: '4/4' needs 0 <= i < n")]
    [InlineData("x", "--shard: 'x' is not of the form i/n")]
    public async Task AMalformedShard_IsOneLine_Exit2(string shard, string expected)
    {
        var run = await CliRunner.RunAsync("ingest", _dir.Write("a.csv", "id,body\n1,hi\n"), "--case", "postgresql://netan@127.0.0.1:9/x", "--shard", shard);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task AShard_OfACaseFileIngest_IsRefused()
    {
        var run = await CliRunner.RunAsync("ingest", _dir.Write("a.csv", "id,body\n1,hi\n"), "--case", _dir.File("c.case"), "--shard", "0/2");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("a case file");
        File.Exists(_dir.File("c.case")).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnreachableServer_IsOneLine_WithoutThePassword()
    {
        var run = await CliRunner.RunAsync("ingest", _dir.Write("a.csv", "id,body\n1,hi\n"), "--case", "postgresql://netan:Hunter2x@127.0.0.1:9/team");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldContain("cannot connect to postgresql://netan:***@127.0.0.1:9/team");
        run.All.ShouldNotContain("Hunter2x");
    }
}
