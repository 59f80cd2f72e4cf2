using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reporting.Tests.Chromium;

/// <summary>Renders a report and a network drawing in headless Chromium and checks a person would see something.</summary>
public sealed class ChromiumRunnerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "netan-chromium-test-" + Guid.NewGuid().ToString("N"));

    public ChromiumRunnerTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private static ChromiumRunner Runner()
    {
        var runner = new ChromiumRunner();
        Prerequisite.Require(runner.IsAvailable, "Chromium", runner.Missing ?? "");
        return runner;
    }

    [SkippableFact]
    public async Task ScreenshotAsync_ReportAndNetwork_AreNotBlank()
    {
        var runner = Runner();

        // Given a report and a network drawing on disk
        var model = SampleGraphs.Report();
        var html = Path.Combine(_dir, "report.html");
        var svg = Path.Combine(_dir, "network.svg");
        await File.WriteAllTextAsync(html, ReferralReportWriter.Render(model));
        await File.WriteAllTextAsync(svg, new NetworkChart(model.Graph).ToSvg());

        // When both are screenshot
        var reportPng = Path.Combine(_dir, "report.png");
        var networkPng = Path.Combine(_dir, "network.png");
        var r1 = await runner.ScreenshotAsync(html, reportPng, 1000, 1400, CancellationToken.None);
        var r2 = await runner.ScreenshotAsync(svg, networkPng, 900, 700, CancellationToken.None);

        // Then each PNG has the asked size, real pixel variance and many colours (not a blank page)
        r1.Success.ShouldBeTrue(r1.Error);
        r2.Success.ShouldBeTrue(r2.Error);
        foreach (var (png, w, h) in new[] { (reportPng, 1000, 1400), (networkPng, 900, 700) })
        {
            var (width, height, variance, colours) = Screenshot.Measure(await File.ReadAllBytesAsync(png));
            width.ShouldBe(w);
            height.ShouldBe(h);
            variance.ShouldBeGreaterThan(50, png);
            colours.ShouldBeGreaterThan(20, png);
        }
    }

    [SkippableFact]
    public async Task PrintToPdfAsync_Report_WritesAPdf()
    {
        var runner = Runner();

        var html = Path.Combine(_dir, "report.html");
        await File.WriteAllTextAsync(html, ReferralReportWriter.Render(SampleGraphs.Report()));
        var pdf = Path.Combine(_dir, "report.pdf");
        var result = await runner.PrintToPdfAsync(html, pdf, CancellationToken.None);
        result.Success.ShouldBeTrue(result.Error);
        var head = new byte[5];
        await using (var f = File.OpenRead(pdf))
        {
            await f.ReadExactlyAsync(head);
        }

        System.Text.Encoding.ASCII.GetString(head).ShouldBe("%PDF-");
    }

    [Fact]
    public async Task ScreenshotAsync_MissingBrowser_ReturnsFailureWithReason()
    {
        var result = await new ChromiumRunner("/nonexistent/chromium").ScreenshotAsync("x.html", Path.Combine(_dir, "x.png"), 10, 10, CancellationToken.None);
        result.Success.ShouldBeFalse();
        result.Error!.ShouldContain("not found");
    }

    [Fact]
    public async Task ScreenshotAsync_NoBrowserFound_SaysWhereItLooked()
    {
        var result = await new ChromiumRunner("").ScreenshotAsync("x.html", Path.Combine(_dir, "x.png"), 10, 10, CancellationToken.None);
        result.Success.ShouldBeFalse();
        result.Error!.ShouldContain("NETAN_CHROMIUM");
        result.Error!.ShouldContain("apt-get install -y chromium");
    }
}
