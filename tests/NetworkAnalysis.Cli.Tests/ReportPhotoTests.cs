using System.Text.Json;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>The referral report embeds only photos the workbench would show: a file inside the input's folder by its
/// real path, whose bytes decode as an image. A link to another file, or a text file named .png, never reaches the report.</summary>
public sealed class ReportPhotoTests : IDisposable
{
    private const string Secret = "root:x:0:0:secret-marker-4711:/root:/bin/bash";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Report_PhotoThroughSymlinkOrNotAnImage_IsNotEmbedded()
    {
        // Given: an input folder with a real PNG, a link to a file outside the folder, and a text file named .png
        var outside = _dir.Write("outside-passwd", Secret);
        var input = Directory.CreateDirectory(_dir.File("input")).FullName;
        Directory.CreateDirectory(Path.Combine(input, "imgs"));
        using (var png = File.Create(Path.Combine(input, "imgs", "real.png")))
        {
            ImageCodec.Encode(new RgbImage(8, 8), ImageFormat.Png, png).ShouldBeNull();
        }

        File.CreateSymbolicLink(Path.Combine(input, "imgs", "link.png"), outside);
        File.WriteAllText(Path.Combine(input, "imgs", "fake.png"), Secret);
        var ads = Path.Combine(input, "ads.jsonl");
        File.WriteAllText(ads, string.Join('\n',
            JsonSerializer.Serialize(new { id = "p1", body = "call 702-555-0143", images = "imgs/real.png;imgs/link.png;imgs/fake.png" }),
            JsonSerializer.Serialize(new { id = "p2", body = "text 702-555-0143" })) + "\n");
        var casePath = _dir.File("photos.case");
        (await CliRunner.RunAsync("ingest", ads, "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "-q")).ExitCode.ShouldBe(0);
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", casePath);
        using var doc = JsonDocument.Parse(json.Out);
        var cluster = doc.RootElement[0].GetProperty("id").GetString()!;

        // When
        var outDir = _dir.File("report");
        var run = await CliRunner.RunAsync("report", cluster, "--out", outDir, "--show-images", "--case", casePath, "-q");

        // Then: the real photo is embedded, in its ad and on the contact sheet; the link and the fake are placeholders in
        // both places, and the secret appears nowhere
        run.ExitCode.ShouldBe(0, run.All);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        html.Split("src=\"data:image/png;base64,").Length.ShouldBe(3, "one photo, embedded in its ad and on the contact sheet");
        html.Split("no image data").Length.ShouldBe(5, "two placeholders in the ad and two on the contact sheet");
        var secretBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Secret));
        foreach (var file in Directory.GetFiles(outDir))
        {
            var text = File.ReadAllText(file);
            text.ShouldNotContain("secret-marker-4711", customMessage: file);
            text.ShouldNotContain(secretBase64[..24], customMessage: file);
        }
    }
}
