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

    [SkippableFact]
    public async Task ACrawlWithRecrawls_AndACrawlHoldingItsPhotos_InTwoShards_StoreTheVersionsAndLinksOfACaseFile()
    {
        // Given: a generated crawl (crawl records: pages with re-crawls that change text, phone or photos, photos by URL), and the
        // same corpus as a WARC holding the photos' bytes
        Prerequisite.RequirePostgres();
        foreach (var format in new[] { "cdr", "warc" })
        {
            (await CliRunner.RunAsync("generate", "-n", "400", "--seed", "6", "-o", _dir.File(format), "--format", format, "-q")).ExitCode.ShouldBe(0);
        }

        string[] files = [Path.Combine(_dir.File("cdr"), "crawl.cdr.jsonl"), Path.Combine(_dir.File("warc"), "crawl.warc.gz")];
        var remote = database.Schema();
        var reference = _dir.File("reference.case");

        // When: each file by two workers (--shard 0/2, 1/2), copied back; and a case-file ingest of both
        var outputs = new List<JsonElement>();
        foreach (var file in files)
        {
            foreach (var shard in new[] { "0/2", "1/2" })
            {
                var run = await CliRunner.RunAsync("ingest", file, "--case", remote, "--shard", shard, "--json", "-q");
                run.ExitCode.ShouldBe(0, run.All);
                run.Error.ShouldNotContain("not linked");
                outputs.Add(JsonDocument.Parse(run.Out).RootElement[0].Clone());
            }

            (await CliRunner.RunAsync("ingest", file, "--case", reference, "-q")).ExitCode.ShouldBe(0);
        }

        // And: a saved page knowing a photo only by URL, then a mirrored folder holding that photo at HOST/PATH
        var page = _dir.Write("page.html", "<html><body><div class=\"post\"><p>Call 702-555-0144</p><img src=\"https://img.example.com/p/1.png\"></div></body></html>");
        Directory.CreateDirectory(_dir.File("mirror/img.example.com/p"));
        using (var png = File.Create(_dir.File("mirror/img.example.com/p/1.png")))
        {
            NetworkAnalysis.Core.Generation.Images.SyntheticPhotoWriter.Write("p1", NetworkAnalysis.Core.Generation.Images.PhotoVariant.Original,
                NetworkAnalysis.Core.Imaging.ImageFormat.Png, png).ShouldBeNull();
        }

        var folderRuns = new List<CliRunner.Run>();
        foreach (var target in new[] { remote, reference })
        {
            (await CliRunner.RunAsync("ingest", page, "--case", target, "-q")).ExitCode.ShouldBe(0);
            folderRuns.Add(await CliRunner.RunAsync("ingest", _dir.File("mirror"), "--case", target));
        }

        var back = _dir.File("back.case");
        (await CliRunner.RunAsync("case", "copy", remote, back, "-q")).ExitCode.ShouldBe(0);

        // Then: the workers stored versions, the folder's photo was linked, and the versions, mentions, images and photo URLs equal
        // the case file's
        outputs.Take(2).Sum(o => o.GetProperty("versions").GetInt64()).ShouldBeGreaterThan(0);
        outputs.Skip(2).Sum(o => o.GetProperty("versions").GetInt64()).ShouldBeGreaterThan(0);
        folderRuns.ShouldAllBe(run => run.ExitCode == 0 && run.Out.Contains("1 photos known only by URL found in the folder and linked by hash"));
        string[] queries =
        [
            "SELECT ad_key, text, raw FROM ads ORDER BY 1",
            "SELECT a.ad_key, v.version, v.content_sha256, v.line, v.raw FROM ad_versions v JOIN ads a ON a.id = v.ad ORDER BY 1, 2",
            """
            SELECT a.ad_key, e.type, e.value, ifnull(m.start,-1), ifnull(m.end,-1), m.raw, m.extractor
            FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity ORDER BY 1, 4, 5, 2, 3, 6, 7
            """,
            "SELECT a.ad_key, i.position, ifnull(i.path,''), ifnull(i.sha256,''), ifnull(i.phash,'') FROM ad_images i JOIN ads a ON a.id = i.ad ORDER BY 1, 2",
            "SELECT url, sha256, ifnull(phash,'') FROM photo_urls ORDER BY 1",
        ];
        using var b = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={back};Mode=ReadOnly;Pooling=False");
        using var r = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={reference};Mode=ReadOnly;Pooling=False");
        b.Open();
        r.Open();
        var expected = queries.Select(q => QueryHash.Of(r, q)).ToList();
        expected[1].Rows.ShouldBeGreaterThan(0);
        expected[4].Rows.ShouldBeGreaterThan(0);
        queries.Select(q => QueryHash.Of(b, q)).ShouldBe(expected);
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
