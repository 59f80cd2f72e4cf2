using BenchmarkDotNet.Attributes;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Layout and rendering speed of the reporting stage (docs/reporting.md quotes these figures).</summary>
/// <remarks>Run: dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- --filter '*ReportingBenchmarks*' --job short</remarks>
[MemoryDiagnoser]
public class ReportingBenchmarks
{
    private CaseGraph _graph = new();
    private LayoutGraph _layoutGraph = null!;
    private ClusterReportModel _model = null!;

    /// <summary>Nodes in the drawn graph (ads plus identifiers).</summary>
    [Params(500, 2000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        var adCount = Nodes * 2 / 3;
        var entityCount = Nodes - adCount;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string[] cities = ["Springfield", "Riverton", "Lakeside", "Fairview"];
        var ads = Enumerable.Range(0, adCount).Select(i => new ReportAd
        {
            Key = $"s/{i:D5}",
            ClusterId = "C1",
            PostedAt = start.AddHours(i * 7),
            City = cities[(i / 50) % cities.Length],
            Text = $"Ad {i}\nCall 312-555-{100 + (i % 100):D4} today, new in town",
        }).ToList();
        var entities = Enumerable.Range(0, entityCount).Select(i => new ReportEntity($"phone:{i}", "phone", $"+1312555{i % 100:D4}", i == 0)).ToList();
        var links = new List<ReportLink>();
        for (var i = 0; i < adCount; i++)
        {
            for (var k = 0; k < 2; k++)
            {
                links.Add(new ReportLink(ads[i].Key, entities[Math.Min(entityCount - 1, ((i / 40) * 20) + rng.Next(20))].Id, ReportLinkKind.Mentions));
            }
        }

        _graph = new CaseGraph { Ads = ads, Entities = entities, Links = links };
        _layoutGraph = NetworkChart.BuildLayoutGraph(_graph).Graph;
        _model = new ClusterReportModel { ClusterId = "C1", Graph = _graph, GeneratedAt = start };
    }

    /// <summary>ForceAtlas2 with Barnes-Hut (default iterations).</summary>
    [Benchmark]
    public LayoutResult LayoutBarnesHut() => ForceAtlas2Layout.Compute(_layoutGraph, new ForceAtlas2Options());

    /// <summary>The whole network drawing: layout plus SVG.</summary>
    [Benchmark]
    public int NetworkSvg() => new NetworkChart(_graph).ToSvg().Length;

    /// <summary>The referral HTML report (all charts inline).</summary>
    [Benchmark]
    public int ReportHtml() => ReferralReportWriter.Render(_model).Length;

    /// <summary>GraphML export to memory.</summary>
    [Benchmark]
    public long GraphMl()
    {
        using var ms = new MemoryStream();
        GraphMlExporter.Write(_graph, ms);
        return ms.Length;
    }
}
