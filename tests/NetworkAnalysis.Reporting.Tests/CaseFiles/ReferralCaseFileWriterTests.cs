using System.Text.Json;
using NetworkAnalysis.Reporting.CaseFiles;
using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Reporting.Custody;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.CaseFiles;

public sealed class ReferralCaseFileWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "netan-casefile-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public async Task WriteAsync_Model_WritesReportChartsCsvAndAManifestThatVerifies()
    {
        // Given
        var model = SampleGraphs.Report();

        // When (PDF asked for with a missing browser: a warning, not a failure)
        var result = await ReferralCaseFileWriter.WriteAsync(model, _dir,
            new ReferralCaseFileOptions { Pdf = true, Chromium = new ChromiumRunner("/nonexistent/chromium") }, CancellationToken.None);

        // Then
        // (map.svg needs the npm map data; without it the case file says so in its warnings instead)
        string[] map = NetworkAnalysis.Reporting.Geo.GeoDataFiles.Available ? ["map.svg"] : [];
        result.Files.Select(Path.GetFileName).ShouldBe(["report.html", "network.svg", "timeline.svg", "movement.svg", "risk.svg", .. map, "ads.csv", "manifest.json", "SHA256SUMS"]);
        if (map.Length == 0)
        {
            result.Warnings.ShouldContain(w => w.StartsWith("map.svg not written", StringComparison.Ordinal));
        }

        result.PdfPath.ShouldBeNull();
        result.Warnings.Single(w => !w.StartsWith("map.svg", StringComparison.Ordinal)).ShouldContain("PDF not written");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "manifest.json")));
        var outputs = doc.RootElement.GetProperty("outputs").EnumerateArray().ToList();
        outputs.Count.ShouldBe(6 + map.Length);
        foreach (var o in outputs)
        {
            FileHashes.Sha256(Path.Combine(_dir, o.GetProperty("path").GetString()!)).ShouldBe(o.GetProperty("sha256").GetString());
        }

        doc.RootElement.GetProperty("sources")[0].GetProperty("sha256").GetString().ShouldBe(model.Sources[0].Sha256);
        doc.RootElement.GetProperty("parameters").GetProperty("report.showIdentifiers").GetString().ShouldBe("false");
        doc.RootElement.GetProperty("generatedAt").GetString().ShouldBe("2026-11-22T09:00:00.0000000+00:00");
    }
}
