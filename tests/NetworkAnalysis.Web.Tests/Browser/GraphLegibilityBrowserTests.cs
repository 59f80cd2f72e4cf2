using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Reporting.Charts;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>The cluster graph at its default zoom: labels that do not overlap, modest circles, the charts' colours and a legend.</summary>
public sealed class GraphLegibilityBrowserTests
{
    // Every node's rendered label box (Cytoscape's own measure of the drawn text), size, colour and full value.
    private const string MeasureScript = """
        () => {
          const cy = document.querySelector('#graph')._cyreg.cy;
          return JSON.stringify({
            zoom: cy.zoom(), width: cy.width(), height: cy.height(),
            nodes: cy.nodes().map(n => {
              const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
              return {
                id: n.id(), kind: n.data('kind'), label: n.style('label'), full: n.data('full'), colour: n.style('background-color').replace(/ /g, ''),
                shown: parseFloat(n.style('font-size')) * cy.zoom() >= parseFloat(n.style('min-zoomed-font-size')),
                w: n.renderedWidth(), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2, rx: n.renderedPosition('x'), ry: n.renderedPosition('y'),
              };
            }),
          });
        }
        """;

    [SkippableTheory]
    [InlineData(6)]
    [InlineData(65)]
    public async Task ClusterGraph_AtDefaultZoom_LabelsDoNotOverlap_InThePalettesColours(int adsInChain)
    {
        // Given one cluster of ads chained by phones (ad i names phones i and i+1), every fifth with a long e-mail; 6 ads
        // give a 14-node graph, 65 ads 144 nodes (ads, phones and e-mails in the ads-and-identifiers view)
        var ads = Enumerable.Range(0, adsInChain)
            .Select(i => ($"chain{i:D2}", $"Ad {i}", $"call 775-555-{100 + i:D4} or 775-555-{101 + i:D4}" + (i % 5 == 0 ? $" write averylongmailboxname{i:D2}.for.bookings@example.com" : ""), (string?)"Reno"))
            .ToArray();
        using var chain = new WorkbenchCase(ads);
        using (var db = new SqliteConnection($"Data Source={chain.Path}"))
        {
            db.Open();
            using var merge = db.CreateCommand();
            // One cluster by hand (as the big-cluster test does): this test is about drawing it, not about how a chain splits.
            merge.CommandText = """
                UPDATE memberships SET cluster_id = (SELECT m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad WHERE a.ad_id = 'chain00')
                WHERE ad IN (SELECT id FROM ads WHERE ad_id LIKE 'chain%');
                UPDATE clusters SET size = 1000 WHERE id = (SELECT m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad WHERE a.ad_id = 'chain00');
                """;
            merge.ExecuteNonQuery();
        }

        await using var session = await BrowserSession.StartAsync(chain.Options());

        // When the investigator opens it in the ads-and-identifiers view
        var (page, problems) = await OpenFirstClusterInFullViewAsync(session);
        var drawn = JsonDocument.Parse(await page.EvaluateAsync<string>(MeasureScript)).RootElement;
        var nodes = drawn.GetProperty("nodes").EnumerateArray().ToList();

        // Then every label is drawn at a readable size and no two rendered label boxes overlap,
        nodes.Count.ShouldBe(adsInChain + adsInChain + 1 + ((adsInChain + 4) / 5));
        nodes.Count.ShouldBeLessThanOrEqualTo(150);
        nodes.ShouldAllBe(n => n.GetProperty("shown").GetBoolean() && n.GetProperty("label").GetString() != "");
        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = i + 1; j < nodes.Count; j++)
            {
                var (a, b) = (nodes[i], nodes[j]);
                var ox = Math.Min(a.GetProperty("x2").GetDouble(), b.GetProperty("x2").GetDouble()) - Math.Max(a.GetProperty("x1").GetDouble(), b.GetProperty("x1").GetDouble());
                var oy = Math.Min(a.GetProperty("y2").GetDouble(), b.GetProperty("y2").GetDouble()) - Math.Max(a.GetProperty("y1").GetDouble(), b.GetProperty("y1").GetDouble());
                (ox > 0.5 && oy > 0.5).ShouldBeFalse($"labels '{a.GetProperty("label")}' and '{b.GetProperty("label")}' overlap by {ox:0.#} x {oy:0.#} px");
            }
        }

        // circles stay small (size follows the ads within a small range), long values are shortened with the full value kept,
        nodes.Max(n => n.GetProperty("w").GetDouble()).ShouldBeLessThanOrEqualTo(40);
        double width = drawn.GetProperty("width").GetDouble(), height = drawn.GetProperty("height").GetDouble();
        var emails = nodes.Where(n => n.GetProperty("full").GetString()!.StartsWith("email: averylongmailboxname", StringComparison.Ordinal)).ToList();
        emails.ShouldAllBe(n => n.GetProperty("label").GetString()!.Contains('…') && n.GetProperty("label").GetString()!.Length <= 20);
        var inView = nodes.Count(n => n.GetProperty("rx").GetDouble() >= 0 && n.GetProperty("rx").GetDouble() <= width && n.GetProperty("ry").GetDouble() >= 0 && n.GetProperty("ry").GetDouble() <= height);
        Console.WriteLine($"{nodes.Count} nodes at zoom {drawn.GetProperty("zoom").GetDouble():0.00} in a {width:0}x{height:0} view: {inView} in view");
        var email = emails.First(n => n.GetProperty("rx").GetDouble() > 5 && n.GetProperty("rx").GetDouble() < width - 5
            && n.GetProperty("ry").GetDouble() > 5 && n.GetProperty("ry").GetDouble() < height - 5);

        // and the full value is the tooltip while the pointer is on the node
        var box = (await page.QuerySelectorAsync("#graph"))!;
        await box.ScrollIntoViewIfNeededAsync();
        var origin = (await box.BoundingBoxAsync())!;
        (origin.Y + origin.Height).ShouldBeLessThanOrEqualTo(1400, "the whole graph must be on the page for the pointer to reach it");
        // (the graph's place and the node's position are read again right before each try: text arriving above the
        // graph, or a late re-render, may have moved them)
        var hovered = false;
        for (var attempt = 0; attempt < 3 && !hovered; attempt++)
        {
            origin = (await box.BoundingBoxAsync())!;
            var at = await page.EvaluateAsync<double[]>("id => { const n = document.querySelector('#graph')._cyreg.cy.getElementById(id); return [n.renderedPosition('x'), n.renderedPosition('y')]; }", email.GetProperty("id").GetString());
            var (hx, hy) = ((float)(origin.X + at[0]), (float)(origin.Y + at[1]));
            await page.Mouse.MoveAsync(hx - 30, hy - 30);
            await page.Mouse.MoveAsync(hx, hy, new() { Steps = 6 });
            hovered = await page.EvaluateAsync<bool>("() => new Promise(r => { const t0 = Date.now(); (function poll() { if (document.querySelector('#graph').title !== '') r(true); else if (Date.now() - t0 > 3000) r(false); else setTimeout(poll, 50); })(); })");
        }

        if (!hovered)
        {
            // What the browser saw, so a failure on another machine says why: the element under the pointer, where Cytoscape
            // thinks its canvas is against where it is, and the node's place.
            Console.WriteLine("hover diagnosis: " + await page.EvaluateAsync<string>("""
                id => { const g = document.querySelector('#graph'), cy = g._cyreg.cy, n = cy.getElementById(id), r = g.getBoundingClientRect();
                  const x = r.left + n.renderedPosition('x'), y = r.top + n.renderedPosition('y'), hit = document.elementFromPoint(x, y);
                  return JSON.stringify({ rect: [r.left, r.top, r.width, r.height], cached: cy.renderer().containerBB, node: [x, y],
                    under: hit ? hit.tagName + '#' + hit.id + '.' + hit.className + ' in ' + (hit.closest('[id]') || {}).id : null }); }
                """, email.GetProperty("id").GetString()));
        }

        hovered.ShouldBeTrue("hovering the node should show its full value");
        (await page.GetAttributeAsync("#graph", "title")).ShouldBe(email.GetProperty("full").GetString());
        email.GetProperty("full").GetString()!.ShouldEndWith(".for.bookings@example.com");

        // every identifier type has the Reporting charts' colour, and the legend names each type drawn in that colour
        nodes.Where(n => n.GetProperty("kind").GetString() == "ad").ShouldAllBe(n => n.GetProperty("colour").GetString() == Rgb(ChartPalette.Ad));
        nodes.Where(n => n.GetProperty("full").GetString()!.StartsWith("phone:", StringComparison.Ordinal))
            .ShouldAllBe(n => n.GetProperty("colour").GetString() == Rgb(ChartPalette.ForEntityType("phone")));
        email.GetProperty("colour").GetString().ShouldBe(Rgb(ChartPalette.ForEntityType("email")));
        var legend = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#graph-legend li[data-type]')].map(li => li.dataset.type + '=' + getComputedStyle(li.querySelector('.swatch')).backgroundColor.replace(/ /g, ''))");
        legend.ShouldBe([$"email={Rgb(ChartPalette.ForEntityType("email"))}", $"phone={Rgb(ChartPalette.ForEntityType("phone"))}"]);
        var chip = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.lists .type.type-phone')).backgroundColor.replace(/ /g, '')");
        chip.ShouldBe(Rgb(ChartPalette.ForEntityType("phone")).Replace("rgb(", "rgba(", StringComparison.Ordinal).Replace(")", ",0.2)", StringComparison.Ordinal));
        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task ClusterGraph_MovedDownByTextAboveIt_HoverStillFindsTheNodeUnderThePointer()
    {
        // Given a small cluster drawn in the ads-and-identifiers view, hovered once (Cytoscape then knows where its canvas is)
        var ads = Enumerable.Range(0, 4).Select(i => ($"moved{i}", $"Ad {i}", $"call 775-555-{120 + i:D4} or 775-555-{121 + i:D4}", (string?)"Reno")).ToArray();
        using var chain = new WorkbenchCase(ads);
        await using var session = await BrowserSession.StartAsync(chain.Options());
        var (page, problems) = await OpenFirstClusterInFullViewAsync(session);
        var node = await page.EvaluateAsync<string>("() => document.querySelector('#graph')._cyreg.cy.nodes('[kind = \"entity\"]').first().id()");
        (await HoverAsync(page, node)).ShouldNotBe("", "the first hover, before anything moves");
        await page.Mouse.MoveAsync(1, 1);

        // When text arrives above the graph and pushes it 120 px down (no scroll, no resize of the graph itself)
        var before = (await (await page.QuerySelectorAsync("#graph"))!.BoundingBoxAsync())!.Y;
        await page.EvaluateAsync("() => { const meta = document.querySelector('#cluster-meta'); for (let i = 0; i < 6; i++) { const p = document.createElement('p'); p.textContent = 'late detail ' + i; meta.append(p); } }");
        var after = (await (await page.QuerySelectorAsync("#graph"))!.BoundingBoxAsync())!.Y;
        (after - before).ShouldBeGreaterThan(60, "the inserted text must move the graph for this test to mean anything");

        // Then the pointer on the node still shows that node's full value (Cytoscape's cached place would miss it)
        var full = await page.EvaluateAsync<string>("id => document.querySelector('#graph')._cyreg.cy.getElementById(id).data('full')", node);
        (await HoverAsync(page, node)).ShouldBe(full);
        problems.ShouldBeEmpty();
    }

    // A 1280x1400 page on the workbench with the cluster table's first cluster drawn in the ads-and-identifiers view.
    private static async Task<(Microsoft.Playwright.IPage Page, List<string> Problems)> OpenFirstClusterInFullViewAsync(BrowserSession session)
    {
        var (page, problems) = await session.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 1400);
        await page.GotoAsync(session.Url + "/");
        await page.WaitForSelectorAsync("body[data-ready='1']");
        var clusterId = await page.GetAttributeAsync("#cluster-table tbody tr", "data-cluster");
        await page.EvaluateAsync("id => { location.hash = '#/cluster/' + encodeURIComponent(id) + '?view=full'; }", clusterId);
        await page.WaitForSelectorAsync("#graph[data-ready='1']");
        return (page, problems);
    }

    // Moves the pointer onto a node from outside it and returns the graph's tooltip once it is set ("" if it never is).
    private static async Task<string> HoverAsync(Microsoft.Playwright.IPage page, string nodeId)
    {
        var origin = (await (await page.QuerySelectorAsync("#graph"))!.BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<double[]>("id => { const n = document.querySelector('#graph')._cyreg.cy.getElementById(id); return [n.renderedPosition('x'), n.renderedPosition('y')]; }", nodeId);
        var (x, y) = ((float)(origin.X + at[0]), (float)(origin.Y + at[1]));
        await page.Mouse.MoveAsync(x - 40, y - 40);
        await page.Mouse.MoveAsync(x, y, new() { Steps = 6 });
        return await page.EvaluateAsync<string>("() => new Promise(r => { const t0 = Date.now(); (function poll() { const t = document.querySelector('#graph').title; if (t !== '' || Date.now() - t0 > 3000) r(t); else setTimeout(poll, 50); })(); })");
    }

    private static string Rgb(string hex) => string.Create(CultureInfo.InvariantCulture,
        $"rgb({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)})");
}
