using System.Text.Json;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class GenerateImagesCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task Generate_WithImages_WritesPhotosNamedRelativeToTheAdsFile()
    {
        // Given / When
        var run = await CliRunner.RunAsync("generate", "--ads", "120", "--seed", "9", "--out", _dir.Path, "--images", _dir.File("photos"));

        // Then every image an ad names exists relative to ads.jsonl, in PNG or JPEG, and hashes cleanly
        run.ExitCode.ShouldBe(0, run.Error);
        var ads = File.ReadAllLines(_dir.File("ads.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var paths = ads.Where(a => a.TryGetProperty("images", out _)).SelectMany(a => a.GetProperty("images").GetString()!.Split(';')).ToList();
        paths.ShouldNotBeEmpty();
        paths.ShouldAllBe(p => p.StartsWith("photos/", StringComparison.Ordinal));
        ads.Count(a => a.TryGetProperty("image_hashes", out var unused)).ShouldBe(0);
        var distinct = paths.Distinct().ToList();
        distinct.ShouldAllBe(p => File.Exists(Path.Combine(_dir.Path, p)));
        distinct.ShouldContain(p => p.EndsWith(".png", StringComparison.Ordinal));

        // Variants of one photo stay within the match threshold of each other.
        var byPhoto = distinct.GroupBy(p => Path.GetFileName(p).Split('-')[0]).Where(g => g.Count() > 1).ToList();
        byPhoto.ShouldNotBeEmpty();
        foreach (var group in byPhoto)
        {
            var hashes = group.Select(p => ImageHasher.Hash(File.ReadAllBytes(Path.Combine(_dir.Path, p))).Hashes!.PHash).ToList();
            hashes.ShouldAllBe(h => ImageHasher.Distance(h, hashes[0]) <= ImageMatch.DefaultPHashThreshold);
        }

        // And with libturbojpeg some photos are JPEGs (without it the test counts as skipped, not passed)
        Prerequisite.RequireSkia();
        distinct.ShouldContain(p => p.EndsWith(".jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_WithImages_WeakLinksStoredExplainedAndExported()
    {
        // Given a corpus with photos, ingested and analysed
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("generate", "--ads", "300", "--seed", "4", "--out", _dir.Path, "--images", _dir.File("img"))).ExitCode.ShouldBe(0);
        var ingest = await CliRunner.RunAsync("ingest", _dir.File("ads.jsonl"), "--case", casePath);
        ingest.Out.ShouldContain("images hashed, 0 image errors");
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);

        // When a weak link between two ads sharing no identifier is explained, and a cluster holding one is exported
        var (a, b, cluster) = WeakPairWithoutSharedIdentifier(casePath);
        var explain = await CliRunner.RunAsync("explain", a, b, "--case", casePath, "--json");
        var outDir = _dir.File("export");
        (await CliRunner.RunAsync("export", "--format", "graphml", "--out", outDir, "--case", casePath, "--cluster", cluster, "-q")).ExitCode.ShouldBe(0);
        var neo = _dir.File("neo");
        (await CliRunner.RunAsync("export", "--format", "neo4j", "--out", neo, "--case", casePath, "--cluster", cluster, "-q")).ExitCode.ShouldBe(0);

        // Then the path has a near-duplicate step with its similarity, and both exports carry the weak edge
        explain.ExitCode.ShouldBe(0, explain.All);
        explain.Out.ShouldContain("near-duplicate");
        explain.Out.ShouldContain("similarity");
        string.Concat(Directory.GetFiles(outDir, "*.graphml").Select(File.ReadAllText)).ShouldMatch("similar_(image|text)");
        string.Concat(Directory.GetFiles(neo).Select(File.ReadAllText)).ShouldMatch("SIMILAR_(IMAGE|TEXT)");
    }

    private static (string A, string B, string Cluster) WeakPairWithoutSharedIdentifier(string casePath)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={casePath};Mode=ReadOnly");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT a.ad_key, b.ad_key, m.cluster_id FROM weak_links w JOIN ads a ON a.id = w.ad_a JOIN ads b ON b.id = w.ad_b
            JOIN memberships m ON m.ad = w.ad_a JOIN memberships n ON n.ad = w.ad_b AND n.cluster_id = m.cluster_id
            WHERE NOT EXISTS (SELECT 1 FROM mentions x JOIN mentions y ON x.entity = y.entity WHERE x.ad = w.ad_a AND y.ad = w.ad_b)
            ORDER BY a.ad_key, b.ad_key LIMIT 1
            """;
        using var r = cmd.ExecuteReader();
        r.Read().ShouldBeTrue("no weak link between ads sharing no identifier inside one cluster");
        return (r.GetString(0), r.GetString(1), r.GetString(2));
    }

    [Fact]
    public async Task Generate_ImagesOutsideOutput_Refused()
    {
        var run = await CliRunner.RunAsync("generate", "--ads", "10", "--out", _dir.Path, "--images", "../elsewhere");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("inside the output folder");
    }
}
