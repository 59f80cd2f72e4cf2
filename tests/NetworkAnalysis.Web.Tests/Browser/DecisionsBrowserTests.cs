using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Browser;

public sealed class DecisionsBrowserTests : IDisposable
{
    private readonly WorkbenchCase _case = new();

    public void Dispose() => _case.Dispose();

    [SkippableFact]
    public async Task Analyst_DeclaresTwoAdsNotTheSame_WithAReason_SeesItListed_AndUndoesIt()
    {
        // Given the workbench with the ring's cluster open on its review tab
        await using var session = await BrowserSession.StartAsync(_case.Options());
        var (page, problems) = await session.OpenWorkbenchAsync();
        await page.FillAsync("#search", "(702) 555-0142");
        await page.ClickAsync("#search-form button");
        await page.ClickAsync("#hits li.hit-entity button.hit-open");
        await page.WaitForSelectorAsync("#graph[data-ready='1']");
        await page.ClickAsync("#tabs button[data-tab='notes']");

        // When the analyst records "r1 and r4 are not the same poster" with a reason holding markup
        await page.SelectOptionAsync("#decision-kind", "not-same");
        await page.FillAsync("#decision-target", "r1");
        await page.FillAsync("#decision-other", "r4");
        await page.FillAsync("#decision-why", "different <b>women</b> in the photos");
        await page.ClickAsync("#decision-btn");
        await page.WaitForSelectorAsync("#decision-list li.decision");

        // Then it is listed with its effect, the reason shown as text, and stored with who decided
        var line = await page.TextContentAsync("#decision-list li.decision span");
        line.ShouldStartWith("#1 r1 and r4 declared not the same poster by analyst.one on ");
        line.ShouldEndWith(": different <b>women</b> in the photos");
        (await page.QuerySelectorAsync("#decision-list b")).ShouldBeNull();
        using (var store = CaseStore.Open(_case.Path))
        {
            store.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("analyst.one");
        }

        // And Undo removes it from the cluster's list
        await page.ClickAsync("#decision-list button.undo");
        await page.WaitForSelectorAsync("#decision-list li.muted");
        using (var store = CaseStore.Open(_case.Path))
        {
            store.ListDecisions().ShouldHaveSingleItem().IsActive.ShouldBeFalse();
        }

        problems.ShouldBeEmpty();
    }
}
