using System.Xml.Linq;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Charts;

/// <summary>Invariants every chart must hold: well-formed SVG, hostile text escaped, deterministic.</summary>
public sealed class ChartTests
{
    public static TheoryData<string> Kinds => new() { "network", "timeline", "movement", "sizes", "risk", "overview", "activity", "prices", "ages", "map" };

    private static ISvgChart Make(string kind, string? payload)
    {
        var report = SampleGraphs.Report(payload);
        var corpus = SampleGraphs.Corpus(payload: payload);
        return kind switch
        {
            "network" => new NetworkChart(report.Graph, new NetworkChartOptions { Title = "t" + payload, ShowIdentifiers = true }),
            "timeline" => new TimelineChart(report.Graph.Ads),
            "movement" => new MovementChart(report.Graph.Ads),
            "sizes" => new SizeDistributionChart([1, 1, 1, 2, 2, 3, 8, 40, 1000]),
            "risk" => new RiskContributionChart(report.RiskIndicators, report.RiskScore),
            "overview" => new CorpusOverviewChart(corpus),
            "activity" => new ActivityHeatmapChart(report.Graph.Ads),
            "prices" => HistogramChart.Prices(report.Graph.Ads.Select((a, i) => a with { Price = 100 + (i * 10) })),
            "ages" => HistogramChart.Ages(report.Graph.Ads.Select((a, i) => a with { Age = 19 + (i % 7) })),
            "map" => new MovementMapChart(report.Graph.Ads.Select((a, i) => i % 2 == 0 ? a : a with { City = "Las Vegas", Region = "NV" + payload, Country = "US" }).ToList(), TinyAtlas.Create()),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ToSvg_HostileText_IsWellFormedAndEscaped(string kind)
    {
        // Given every text field carries markup payloads
        var svg = Make(kind, Hostile.All).ToSvg();

        // Then the SVG parses, holds no script or event handler, and no payload appears raw
        var doc = XDocument.Parse(svg);
        doc.Root!.Name.LocalName.ShouldBe("svg");
        doc.Descendants().ShouldNotContain(e => e.Name.LocalName == "script" || e.Name.LocalName == "foreignObject" || e.Name.LocalName == "img");
        doc.Descendants().SelectMany(e => e.Attributes()).ShouldNotContain(a => a.Name.LocalName.StartsWith("on") || a.Name.LocalName == "href");
        foreach (var payload in Hostile.MarkupPayloads.Where(p => p.StartsWith('<')))
        {
            svg.ShouldNotContain(payload);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ToSvg_SameInput_IsByteIdentical(string kind)
    {
        Make(kind, null).ToSvg().ShouldBe(Make(kind, null).ToSvg());
    }

    [Fact]
    public void NetworkChart_MaskedByDefault_HidesIdentifierValues()
    {
        // Given
        var model = SampleGraphs.Report();

        // When
        var masked = new NetworkChart(model.Graph).ToSvg();
        var shown = new NetworkChart(model.Graph, new NetworkChartOptions { ShowIdentifiers = true }).ToSvg();

        // Then
        masked.ShouldNotContain("poster0@example.com");
        masked.ShouldNotContain("+13125550101");
        shown.ShouldContain("poster0@example.com");
    }

    [Fact]
    public void NetworkChart_Cluster_DrawsOneMarkPerAdAndEntityAndOneLinePerLink()
    {
        // Given
        var graph = SampleGraphs.Report().Graph;

        // When
        var doc = XDocument.Parse(new NetworkChart(graph).ToSvg());
        XNamespace svg = "http://www.w3.org/2000/svg";

        // Then (rects: background + ads + legend swatch; circles: entities + legend)
        doc.Descendants(svg + "rect").Count().ShouldBe(1 + graph.Ads.Count + 1);
        doc.Descendants(svg + "line").Count().ShouldBe(graph.Links.Count);
        var types = graph.Entities.Select(e => e.Type).Distinct().Count();
        doc.Descendants(svg + "circle").Count().ShouldBe(graph.Entities.Count + types + 1);
    }

    [Fact]
    public void NetworkChart_Hubs_AreFaded()
    {
        var graph = SampleGraphs.Report().Graph;
        var doc = XDocument.Parse(new NetworkChart(graph).ToSvg());
        var hubGroups = doc.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("opacity") == "0.3").ToList();
        hubGroups.Count.ShouldBe(graph.Entities.Count(e => e.IsHub));
    }

    [Fact]
    public void NetworkChart_TwoThousandNodes_RendersEveryNode()
    {
        var graph = SampleGraphs.Large(2000);
        var doc = XDocument.Parse(new NetworkChart(graph, new NetworkChartOptions { Layout = new ForceAtlas2Options { Iterations = 60 } }).ToSvg());
        doc.Descendants().Count(e => e.Name.LocalName is "rect" or "circle").ShouldBeGreaterThanOrEqualTo(2000);
    }

    [Fact]
    public void MovementChart_Stops_MergeConsecutivePostingsInOneCity()
    {
        // Given
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        ReportAd Ad(string key, int day, string city) => new() { Key = key, PostedAt = t.AddDays(day), City = city };

        // When
        var stops = MovementChart.Stops([Ad("c", 2, "B"), Ad("a", 0, "A"), Ad("b", 1, "A"), Ad("d", 3, "A"), new ReportAd { Key = "e" }]);

        // Then
        stops.Select(s => (s.City, s.AdCount)).ShouldBe([("A", 2), ("B", 1), ("A", 1)]);
    }
}
