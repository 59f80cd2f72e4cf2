using System.Xml.Linq;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using SkiaSharp;

namespace NetworkAnalysis.Reporting.Tests.Charts;

/// <summary>The ScottPlot charts on the demo corpus: PNG decodes, SVG parses and is inert, same input gives the same bytes.</summary>
public sealed class PlotChartTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Kinds => new() { "timeline", "activity", "sizes", "overview", "prices", "ages", "map" };

    private (CaseGraph Case, CaseGraph Cluster, IReadOnlyList<int> Sizes) Demo()
    {
        var file = _dir.File("ads.jsonl");
        using (var w = new StreamWriter(file))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 600, Seed = 5 }), w);
        }

        using var store = CaseStore.Open(_dir.File("demo.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        new CaseAnalyzer(store).Analyze();
        using var reader = new CaseReportReader(store);
        var whole = reader.LoadGraph(null, false, CancellationToken.None);
        var biggest = whole.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return (whole, reader.LoadGraph(biggest, false, CancellationToken.None), reader.ClusterSizes());
    }

    private static IPlotChart Make(string kind, (CaseGraph Case, CaseGraph Cluster, IReadOnlyList<int> Sizes) demo) => kind switch
    {
        "timeline" => new TimelineChart(demo.Cluster.Ads),
        "activity" => new ActivityHeatmapChart(demo.Case.Ads),
        "sizes" => new SizeDistributionChart(demo.Sizes),
        "overview" => new CorpusOverviewChart(demo.Case),
        "prices" => HistogramChart.Prices(demo.Case.Ads),
        "ages" => HistogramChart.Ages(demo.Case.Ads),
        "map" => new MovementMapChart(demo.Cluster.Ads, TinyAtlas.Create()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DemoCorpus_EveryChart_PngDecodesAndSvgParsesTheSameTwice(string kind)
    {
        // Given the demo corpus, ingested and analysed
        var demo = Demo();

        // When the chart is drawn twice
        var chart = Make(kind, demo);
        var png = chart.ToPng();
        var svg = chart.ToSvg();

        // Then the PNG decodes to the chart's size with more than one colour, the SVG parses, and both drawings are identical
        using var bitmap = SKBitmap.Decode(png);
        bitmap.ShouldNotBeNull();
        var plot = (PlotChart)chart;
        (bitmap.Width, bitmap.Height).ShouldBe((plot.Width, plot.Height));
        Enumerable.Range(0, 50).Select(i => bitmap.GetPixel(i * bitmap.Width / 50, bitmap.Height / 2)).Distinct().Count().ShouldBeGreaterThan(1);
        XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
        Make(kind, demo).ToSvg().ShouldBe(svg);
    }

    [Fact]
    public void DemoCorpus_PricesAndAges_CountEveryStatedValue()
    {
        var demo = Demo();
        HistogramChart.Prices(demo.Case.Ads).Bins().Sum(b => b.Count).ShouldBe(demo.Case.Ads.Count(a => a.Price is > 0 and < 100_000));
        HistogramChart.Ages(demo.Case.Ads).Bins().Sum(b => b.Count).ShouldBe(demo.Case.Ads.Count(a => a.Age is > 0 and < 120));
        demo.Case.Ads.Count(a => a.Price is not null).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ActivityHeatmap_CountsByUtcDayAndHour()
    {
        // 2026-03-02 is a Monday; 23:30 at UTC-2 is Tuesday 01:30 UTC
        var ads = new[]
        {
            new ReportAd { Key = "a", PostedAt = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero) },
            new ReportAd { Key = "b", PostedAt = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.FromHours(-2)) },
            new ReportAd { Key = "c" },
        };
        var counts = new ActivityHeatmapChart(ads).Counts();
        counts[0, 9].ShouldBe(1);
        counts[1, 1].ShouldBe(1);
        counts.Cast<int>().Sum().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void HostileCorpus_EveryPayloadInLabels_StaysInertText(string kind)
    {
        // Given every reliability-corpus payload as a city, region and cluster ID
        var t = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var ads = HostilePayloads.All.SelectMany((p, i) => Enumerable.Range(0, 3).Select(k => new ReportAd
        {
            Key = $"s/{i}-{k}", PostedAt = t.AddHours((i * 7) + k), City = p, Region = p, Country = "US", ClusterId = p, Price = 100 + i, Age = 20 + k,
        })).ToList();
        var graph = new CaseGraph { Ads = ads, Entities = [new ReportEntity("phone:" + HostilePayloads.Xss[0], HostilePayloads.Xss[0], "x", false)], Links = [], Mentions = [] };
        var demo = (graph, graph, (IReadOnlyList<int>)[1, 2, 3]);

        // When
        var svg = Make(kind, demo).ToSvg();

        // Then no element or attribute could run or fetch anything, and the markup of every payload is escaped
        var doc = XDocument.Parse(svg);
        string[] forbidden = ["script", "foreignObject", "img", "iframe", "a", "image", "style", "math"];
        doc.Descendants().Select(e => e.Name.LocalName).Intersect(forbidden).ShouldBeEmpty();
        var attributes = doc.Descendants().SelectMany(e => e.Attributes()).ToList();
        attributes.ShouldNotContain(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        attributes.Where(a => a.Name.LocalName == "href").ShouldAllBe(a => a.Value.StartsWith('#'));
        attributes.ShouldNotContain(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || a.Value.Contains("http", StringComparison.OrdinalIgnoreCase) && !a.IsNamespaceDeclaration);
        foreach (var payload in new[] { "<script", "<img", "<svg onload", "<iframe", "<math", "<style", "<![CDATA[", "<!--" })
        {
            svg.IndexOf(payload, StringComparison.OrdinalIgnoreCase).ShouldBe(-1, payload);
        }

        if (kind is "timeline" or "overview" or "map")
        {
            // The labels are there, escaped: the text survives as text
            svg.ShouldContain("&lt;script&gt;");
        }
    }

    [Fact]
    public void ChartText_Label_DropsControlAndBidiCharactersAndBoundsLength()
    {
        ChartText.Label("a\u0001b\u202Ec\u2066d\uFFFE e\n\tf", 40).ShouldBe("abcd e f");
        ChartText.Label(new string('x', 100), 10).ShouldBe(new string('x', 9) + "…");
        ChartText.Label("ab\U0001F600cd", 3).ShouldBe("ab…");
    }

    [Fact]
    public void PlotSvg_Verify_RefusesScriptsHandlersAndExternalReferences()
    {
        XNamespace svg = "http://www.w3.org/2000/svg";
        Should.Throw<InvalidOperationException>(() => PlotSvg.Verify(new XElement(svg + "svg", new XElement(svg + "script", "alert(1)"))));
        Should.Throw<InvalidOperationException>(() => PlotSvg.Verify(new XElement(svg + "svg", new XElement(svg + "rect", new XAttribute("onclick", "x")))));
        Should.Throw<InvalidOperationException>(() => PlotSvg.Verify(new XElement(svg + "svg", new XElement(svg + "use", new XAttribute("href", "http://example.com/x#a")))));
        Should.Throw<InvalidOperationException>(() => PlotSvg.Verify(new XElement(svg + "svg", new XElement(svg + "rect", new XAttribute("fill", "url(http://example.com/p)")))));
        Should.NotThrow(() => PlotSvg.Verify(new XElement(svg + "svg", new XElement(svg + "rect", new XAttribute("clip-path", "url(#a-1)")))));
    }
}
