using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>What the cluster graph draws: big graphs at the server's positions, framed in view, labels on demand; evidence paths.</summary>
public sealed class GraphViewBrowserTests
{
    // Reads Cytoscape's state through the registry it keeps on its container (the page exposes nothing global).
    private const string NodesScript = """
        () => {
          const cy = document.querySelector('#graph')._cyreg.cy;
          return JSON.stringify({
            width: cy.width(), height: cy.height(), zoom: cy.zoom(),
            nodes: cy.nodes().map(n => ({ id: n.id(), x: n.position('x'), y: n.position('y'), rx: n.renderedPosition('x'), ry: n.renderedPosition('y'), label: n.style('label') })),
          });
        }
        """;

    [SkippableFact]
    public async Task BigCluster_IsDrawnAtServerPositions_FramedInView_LabelsWhenZoomedIn()
    {
        // Given 650 ads chained by 40 phones (each ad lists two), put into one cluster by hand as the benchmark's recipe does
        // (docs/workbench.md): this test is about drawing a big cluster, not about how the engine splits a chain.
        // ~690 nodes in the full view: above the server-layout threshold and the no-labels-until-zoomed threshold.
        var ads = Enumerable.Range(0, 650)
            .Select(i => ($"big{i:D3}", $"Ad {i}", $"call 775-555-{100 + i % 40:D4} or 775-555-{100 + (i + 1) % 40:D4}", (string?)(i % 2 == 0 ? "Reno" : "Elko")))
            .ToArray();
        using var big = new WorkbenchCase(ads);
        using (var db = new SqliteConnection($"Data Source={big.Path}"))
        {
            db.Open();
            using var merge = db.CreateCommand();
            merge.CommandText = """
                UPDATE memberships SET cluster_id = (SELECT m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad WHERE a.ad_id = 'big000');
                UPDATE clusters SET size = (SELECT count(*) FROM memberships) WHERE id = (SELECT cluster_id FROM memberships LIMIT 1);
                """;
            merge.ExecuteNonQuery();
        }

        await using var session = await BrowserSession.StartAsync(big.Options());
        var (page, problems) = await session.OpenWorkbenchAsync();
        var clusterId = await page.GetAttributeAsync("#cluster-table tbody tr", "data-cluster");
        var served = JsonDocument.Parse(await page.EvaluateAsync<string>(
            "async id => JSON.stringify(await (await fetch('/api/clusters/' + encodeURIComponent(id) + '/graph')).json())", clusterId)).RootElement;

        // When the investigator opens it in the ads-and-identifiers view
        await page.EvaluateAsync("id => { location.hash = '#/cluster/' + encodeURIComponent(id) + '?view=full'; }", clusterId);
        await page.WaitForSelectorAsync("#graph[data-ready='1']");
        var drawn = JsonDocument.Parse(await page.EvaluateAsync<string>(NodesScript)).RootElement;

        // Then every node stands where the server put it, all inside the visible canvas and spread out (not stacked),
        served.GetProperty("layout").GetString().ShouldBe("server");
        var nodes = drawn.GetProperty("nodes").EnumerateArray().ToList();
        nodes.Count.ShouldBeGreaterThan(GraphLayouts.MinNodes);
        var expected = served.GetProperty("ads").EnumerateArray().Concat(served.GetProperty("entities").EnumerateArray())
            .ToDictionary(n => n.GetProperty("id").GetString()!, n => (X: n.GetProperty("x").GetDouble(), Y: n.GetProperty("y").GetDouble()));
        double width = drawn.GetProperty("width").GetDouble(), height = drawn.GetProperty("height").GetDouble();
        foreach (var n in nodes)
        {
            var (x, y) = expected[n.GetProperty("id").GetString()!];
            n.GetProperty("x").GetDouble().ShouldBe(x, 0.01);
            n.GetProperty("y").GetDouble().ShouldBe(y, 0.01);
            n.GetProperty("rx").GetDouble().ShouldBeInRange(0, width);
            n.GetProperty("ry").GetDouble().ShouldBeInRange(0, height);
        }

        var spreadX = nodes.Max(n => n.GetProperty("rx").GetDouble()) - nodes.Min(n => n.GetProperty("rx").GetDouble());
        var spreadY = nodes.Max(n => n.GetProperty("ry").GetDouble()) - nodes.Min(n => n.GetProperty("ry").GetDouble());
        Math.Max(spreadX / width, spreadY / height).ShouldBeGreaterThan(0.8, "the graph should fill the view along one axis");

        // with no labels at this zoom, and labels once zoomed in past the threshold
        nodes.ShouldAllBe(n => n.GetProperty("label").GetString() == "");
        await page.EvaluateAsync("() => { const cy = document.querySelector('#graph')._cyreg.cy; cy.zoom({ level: 2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }");
        var zoomed = JsonDocument.Parse(await page.EvaluateAsync<string>(NodesScript)).RootElement;
        zoomed.GetProperty("nodes").EnumerateArray().ShouldContain(n => n.GetProperty("label").GetString()!.StartsWith("big", StringComparison.Ordinal));
        problems.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task EvidencePath_BetweenTwoAds_IsHighlighted()
    {
        // Given the ring r1 -(phone 0142)- r2 -(phone 0177)- r3 -(amber@example.com)- r4
        using var ring = new WorkbenchCase();
        await using var session = await BrowserSession.StartAsync(ring.Options());
        var (page, problems) = await session.OpenWorkbenchAsync();
        await page.FillAsync("#search", "amber@example.com");
        await page.ClickAsync("#search-form button");
        await page.ClickAsync("#hits li.hit-entity button.hit-open");
        await page.WaitForSelectorAsync("#graph[data-ready='1']");

        // When the investigator asks for the evidence path from r1 to r4
        await page.FillAsync("#path-from", "r1");
        await page.FillAsync("#path-to", "r4");
        await page.ClickAsync("#path-btn");
        await page.WaitForFunctionAsync("() => !['', 'searching…'].includes(document.querySelector('#path-status').textContent)");

        // Then the four ads and the three identifiers between them are marked, with the links joining them
        var marked = await page.EvaluateAsync<string[]>("() => document.querySelector('#graph')._cyreg.cy.$('node.path').map(n => n.data('label'))");
        marked.Where(l => l.StartsWith('r')).Order().ShouldBe(["r1", "r2", "r3", "r4"]);
        marked.Length.ShouldBe(7);
        (await page.EvaluateAsync<int>("() => document.querySelector('#graph')._cyreg.cy.$('edge.path').length")).ShouldBe(6);
        (await page.TextContentAsync("#path-status"))!.ShouldNotContain("no chain");
        problems.ShouldBeEmpty();
    }
}
