using System.Text.Json;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class GenerateImagesCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Generate_WithImages_WritesPhotosNamedRelativeToTheAdsFile()
    {
        // Given / When
        var run = await CliRunner.RunAsync("generate", "--ads", "120", "--seed", "9", "--out", _dir.Path, "--images", "photos");

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
        if (ImageCodec.JpegAvailable)
        {
            distinct.ShouldContain(p => p.EndsWith(".jpg", StringComparison.Ordinal));
        }

        // Variants of one photo stay within the match threshold of each other.
        var byPhoto = distinct.GroupBy(p => Path.GetFileName(p).Split('-')[0]).Where(g => g.Count() > 1).ToList();
        byPhoto.ShouldNotBeEmpty();
        foreach (var group in byPhoto)
        {
            var hashes = group.Select(p => ImageHasher.Hash(File.ReadAllBytes(Path.Combine(_dir.Path, p))).Hashes!.PHash).ToList();
            hashes.ShouldAllBe(h => ImageHasher.Distance(h, hashes[0]) <= ImageMatch.DefaultPHashThreshold);
        }
    }

    [Fact]
    public async Task Generate_ImagesOutsideOutput_Refused()
    {
        var run = await CliRunner.RunAsync("generate", "--ads", "10", "--out", _dir.Path, "--images", "../elsewhere");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("inside the output folder");
    }
}
