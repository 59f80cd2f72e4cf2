using AngleSharp.Html.Parser;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reporting.Tests.Html;

/// <summary>The report's re-crawl history: read from the case, values masked unless identifiers are shown, hostile text escaped.</summary>
public sealed class ReferralReportHistoryTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_RecrawlThatChangedThePhone_IsInTheReportsHistory_WithValuesOnlyWhenShown()
    {
        // Given an ad whose re-crawl changed its phone, linked to another ad by the new number
        var first = _dir.Write("1.jsonl", """{"id":"1","site":"s","body":"call 702-555-0142","posted_at":"2026-03-01T00:00:00Z"}""" + "\n");
        var second = _dir.Write("2.jsonl", """{"id":"1","site":"s","body":"new number 702-555-0199","crawled_at":"2026-03-02T08:00:00Z"}""" + "\n"
            + """{"id":"2","site":"s","body":"text 702-555-0199"}""" + "\n");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        var ingestor = new CaseIngestor(store);
        ingestor.Ingest(first);
        ingestor.Ingest(second);
        new CaseAnalyzer(store).Analyze();
        var cluster = store.Memberships().Single(m => m.AdKey == "s/1").ClusterId!;

        // When
        var model = ClusterReports.Load(store, cluster, "c.case", loadImages: false, redact: false, null, null, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var shown = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true }));
        var masked = new HtmlParser().ParseDocument(ReferralReportWriter.Render(model));

        // Then the history names the change with its values when shown, and only its kind and date when masked
        var shownText = shown.QuerySelector("#history")!.TextContent;
        shownText.ShouldContain("phone changed on 2026-03-02 from +17025550142 to +17025550199");
        shownText.ShouldContain("s/1");
        shownText.ShouldContain("2.jsonl");
        var maskedText = masked.QuerySelector("#history")!.TextContent;
        maskedText.ShouldContain("phone changed on 2026-03-02");
        maskedText.ShouldNotContain("555");
    }

    [Fact]
    public void Render_HostileHistory_StaysText()
    {
        // Given changes and names carrying markup
        var model = SampleGraphs.Report() with
        {
            History = [new AdHistoryEntry(Hostile.All, 1, Hostile.Script, "/x/" + Hostile.ImgOnError, [$"title changed on 2026-03-02 from \"{Hostile.Script}\" to \"{Hostile.SvgOnLoad}\""])],
        };

        // When
        var html = ReferralReportWriter.Render(model, new ReferralReportOptions { ShowIdentifiers = true });
        var doc = new HtmlParser().ParseDocument(html);

        // Then nothing becomes markup and the change is there as text
        doc.QuerySelectorAll("script, svg[onload], img[onerror]").Length.ShouldBe(0);
        foreach (var payload in Hostile.MarkupPayloads.Where(p => p.StartsWith('<')))
        {
            html.ShouldNotContain(payload);
        }

        doc.QuerySelector("#history")!.TextContent.ShouldContain("title changed on 2026-03-02 from");
    }

    [Fact]
    public void Render_NoHistory_NoSection() =>
        new HtmlParser().ParseDocument(ReferralReportWriter.Render(SampleGraphs.Report())).QuerySelector("#history").ShouldBeNull();
}
