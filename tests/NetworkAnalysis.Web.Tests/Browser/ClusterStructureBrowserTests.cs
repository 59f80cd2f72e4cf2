using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Tests.Endpoints;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>The Structure tab: the chain of <see cref="ClusterStructureApiTests"/> (phone 0112 holds two ads to the rest; an ad
/// whose key is markup with a right-to-left override holds one) listed, marked in the graph when clicked, and inert.</summary>
public sealed class ClusterStructureBrowserTests : IDisposable
{
    private readonly WorkbenchCase _case = ClusterStructureApiTests.Chain();

    public void Dispose() => _case.Dispose();

    private async Task<(BrowserSession Session, Microsoft.Playwright.IPage Page, List<string> Problems, Dictionary<string, long> Ads)> OpenStructureTabAsync()
    {
        string cluster;
        Dictionary<string, long> ads;
        using (var store = CaseStore.Open(_case.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "s1").ClusterId!;
            ads = new[] { "s1", "s2", "s3", ClusterStructureApiTests.Hostile, "s5" }.ToDictionary(k => k, k => store.FindAdId(k)!.Value, StringComparer.Ordinal);
        }

        var session = await BrowserSession.StartAsync(_case.Options());
        var (page, problems) = await session.OpenWorkbenchAsync();
        await page.EvaluateAsync("id => { location.hash = '#/cluster/' + encodeURIComponent(id); }", cluster);
        await page.WaitForSelectorAsync("#graph[data-ready='1']");
        await page.ClickAsync("#tabs button[data-tab='structure']");
        await page.WaitForSelectorAsync("#structure-points li button.cut-point");
        return (session, page, problems, ads);
    }

    [SkippableFact]
    public async Task Investigator_OpensStructureTab_SeesTheCutPhone_AndClickMarksItInTheGraph()
    {
        // Given the workbench on a cluster that phone 0112 holds together
        var (session, page, problems, _) = await OpenStructureTabAsync();
        await using var _ = session;

        // When the Structure tab lists what holds it together and the first entry is clicked
        await page.WaitForSelectorAsync("#structure-points li .decide-id button"); // the hub buttons, once the cluster's decisions are known
        var first = await page.Locator("#structure-points li").First.TextContentAsync();
        var node = await page.Locator("#structure-points li").First.GetAttributeAsync("data-node");
        await page.Locator("#structure-points li button.cut-point").First.ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('#tab-graph').hidden && document.querySelector('#graph').dataset.cut");
        if (Environment.GetEnvironmentVariable("NETAN_SCREENSHOT_DIR") is { Length: > 0 } shots)
        {
            await File.WriteAllBytesAsync(Path.Combine(shots, "workbench-structure.png"), await page.ScreenshotAsync());
        }

        // Then the phone is listed first with the two ads it holds, and the graph shows and marks that identifier's node
        first.ShouldBe("identifierphone:+17025550112holds 2 ad(s)Mark as hubNever a hub");
        (await page.Locator("#structure-points li").First.Locator(".decide-id[data-identifier='phone:+17025550112'] button.decide-hub").CountAsync()).ShouldBe(1);
        (await page.Locator("#structure-points li[data-node^='a:'] button.decide").CountAsync()).ShouldBe(0, "an ad holding the cluster together has no hub buttons");
        node.ShouldStartWith("e:");
        (await page.GetAttributeAsync("#graph", "data-cut")).ShouldBe(node);
        (await page.TextContentAsync("#path-status"))!.ShouldContain("Marked: phone:+17025550112 holds 2 ad(s) to the rest");
        (await page.Locator("#structure-points li.selected").CountAsync()).ShouldBe(1);
        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Investigator_AsksHowSolidALinkIs_GetsPathsAndTheIdentifiersItHangsOn()
    {
        // Given the Structure tab of the chain
        var (session, page, problems, ads) = await OpenStructureTabAsync();
        await using var _ = session;

        // When the link between s2 and s3 (joined through two phones) and then s1 and s5 (one chain) is asked about
        await page.SelectOptionAsync("#link-from", ads["s2"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#link-to", ads["s3"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#link-btn");
        await page.WaitForFunctionAsync("() => /evidence path/.test(document.querySelector('#link-status').textContent)");
        var twice = await page.TextContentAsync("#link-status");
        var twiceCut = await page.Locator("#link-cut li.cut-identifier").AllTextContentsAsync();
        if (Environment.GetEnvironmentVariable("NETAN_SCREENSHOT_DIR") is { Length: > 0 } shots)
        {
            await File.WriteAllBytesAsync(Path.Combine(shots, "workbench-structure-tab.png"), await page.ScreenshotAsync());
        }

        await page.SelectOptionAsync("#link-from", ads["s1"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#link-to", ads["s5"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#link-btn");
        await page.WaitForFunctionAsync("() => /1 independent evidence path/.test(document.querySelector('#link-status').textContent)");
        var onceCut = await page.Locator("#link-cut li.cut-identifier").AllTextContentsAsync();
        await page.ClickAsync("#link-cut button");
        await page.WaitForFunctionAsync("() => !document.querySelector('#tab-graph').hidden && document.querySelector('#graph').dataset.cut");

        // Then two edge-disjoint paths hang on both phones, the single one on phone 0111, which the graph marks with ad s1
        twice!.ShouldContain("2 edge-disjoint evidence paths");
        twiceCut.ShouldBe(["phone:+17025550111", "phone:+17025550112"]);
        onceCut.ShouldBe(["phone:+17025550111"]);
        (await page.GetAttributeAsync("#graph", "data-cut"))!.Split(' ').ShouldContain("a:" + ads["s1"]);
        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task HostileAdKey_InTheStructureTab_IsLiteralText_WithItsHiddenCharacterMarked()
    {
        // Given the Structure tab, where an ad whose key is an <img onerror> payload with a right-to-left override holds s5 to the rest
        var (session, page, problems, ads) = await OpenStructureTabAsync();
        await using var _ = session;

        // When its entry and a bridge of it are clicked (the graph pins the ad and marks it)
        var entry = page.Locator("#structure-points li", new() { HasText = "onerror" });
        var text = await entry.TextContentAsync();
        await entry.Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('#tab-graph').hidden && document.querySelector('#graph').dataset.cut");
        var marked = await page.GetAttributeAsync("#graph", "data-cut");
        await page.ClickAsync("#tabs button[data-tab='structure']");
        var bridges = await page.Locator("#structure-bridges li").AllTextContentsAsync();
        var options = await page.Locator("#link-from option").AllTextContentsAsync();

        // Then the key reads as the markup it is, the override shows as a marker, nothing ran and no element was made from it
        text.ShouldBe("ad<img src=x onerror=window.__xss=1>⟦U+202E⟧s4holds 1 ad(s)");
        bridges.ShouldContain("ad <img src=x onerror=window.__xss=1>⟦U+202E⟧s4 mentions phone:+17025550112holds 2 ad(s)");
        options.ShouldContain("<img src=x onerror=window.__xss=1>⟦U+202E⟧s4");
        marked.ShouldBe("a:" + ads[ClusterStructureApiTests.Hostile]);
        (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue();
        (await page.Locator("#tab-structure img, #tab-structure script").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('#tab-structure *')].some(e => /\\u202E/.test(e.textContent) || /\\u202E/.test(e.title || ''))")).ShouldBeFalse();
        problems.ShouldBeEmpty();
    }
}
