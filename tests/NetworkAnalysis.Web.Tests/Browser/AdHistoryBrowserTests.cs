using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Tests.Endpoints;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>The ad view's re-crawl history in the page: the case of <see cref="AdHistoryApiTests"/> (ad r4 re-crawled with a
/// new phone and a title carrying an <c>img onerror</c> payload).</summary>
public sealed class AdHistoryBrowserTests : IDisposable
{
    private readonly WorkbenchCase _case = AdHistoryApiTests.WithRecrawl();

    public void Dispose() => _case.Dispose();

    [SkippableFact]
    public async Task Investigator_OpensARecrawledAd_SeesWhatChangedAndWhen_AsText()
    {
        // Given the workbench over a case where ad r4 was crawled again with a new phone and a hostile title
        string cluster;
        using (var store = CaseStore.Open(_case.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "r4").ClusterId!;
        }

        await using var session = await BrowserSession.StartAsync(_case.Options());
        var (page, problems) = await session.OpenWorkbenchAsync();

        // When its cluster is opened, then that ad and another that was never re-crawled
        await page.EvaluateAsync("id => { location.hash = '#/cluster/' + encodeURIComponent(id); }", cluster);
        await page.WaitForSelectorAsync("#graph[data-ready='1']");
        await page.Locator("#ad-list button.ad-link", new() { HasTextString = "r4" }).ClickAsync();
        await page.WaitForSelectorAsync("#ad-history li");
        var versions = await page.Locator("#ad-history li").AllTextContentsAsync();
        var heading = await page.Locator("#ad-view h3", new() { HasTextString = "Re-crawl history" }).CountAsync();
        var markup = await page.Locator("#ad-history img, #ad-history script").CountAsync();
        await page.Locator("#ad-list button.ad-link", new() { HasTextString = "r1" }).ClickAsync();
        // The ad view is emptied while the next ad loads: its heading may be missing for a moment.
        await page.WaitForFunctionAsync("() => /^r1$/.test(document.querySelector('#ad-view h3')?.textContent ?? '')");

        // Then the one later version lists the new phone and the title change, the payload as literal text; r1 has no history
        heading.ShouldBe(1);
        var v1 = versions.ShouldHaveSingleItem();
        v1.ShouldStartWith("v1 · 2026-03-02");
        v1.ShouldContain("recrawl.jsonl: ");
        v1.ShouldContain("phone added on 2026-03-02: +17025550150");
        v1.ShouldContain("title changed on 2026-03-02 from \"Amber again\" to \"Amber " + AdHistoryApiTests.Payload);
        markup.ShouldBe(0);
        (await page.Locator("#ad-history").CountAsync()).ShouldBe(0);
        problems.ShouldBeEmpty();
    }
}
