using System.Globalization;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Core.Graphs.Synthetic;
using QuikGraph;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Memory of the whole case's ad–entity graph: our CSR arrays against QuikGraph's object graphs (docs/clustering.md).</summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- graph-memory 1000000 [sampleAds]</c>.
/// Each graph is built from the same planted incidence and measured as the managed heap's growth after a full,
/// compacting collection (<see cref="GC.GetTotalMemory(bool)"/>), the graph kept alive. QuikGraph is measured in
/// its leanest form (int vertices, struct edges) over all ads, and with the adapter's node/edge records
/// (<see cref="ClusterGraph"/>) on the first <c>sampleAds</c> ads only, extrapolated per link.
/// </remarks>
internal static class GraphMemoryConsole
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var sample = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var incidence = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = ads, Seed = 1 }).Incidence;
        var links = incidence.LinkCount;
        Console.WriteLine($"{ads:N0} ads, {incidence.EntityCount:N0} entities, {links:N0} links (planted corpus, seed 1)");

        var csr = Measure(() => BipartiteGraph.Build(incidence));
        Report("CSR BipartiteGraph (4 int arrays)", csr.Bytes, links);
        csr = default;

        var undirected = Measure(() =>
        {
            var g = new UndirectedGraph<int, SUndirectedEdge<int>>(allowParallelEdges: true);
            g.AddVertexRange(Enumerable.Range(0, incidence.AdCount + incidence.EntityCount));
            for (var i = 0; i < links; i++)
            {
                g.AddEdge(new SUndirectedEdge<int>(incidence.LinkAds[i], incidence.AdCount + incidence.LinkEntities[i]));
            }

            return g;
        });
        Report("QuikGraph UndirectedGraph<int, SUndirectedEdge<int>>", undirected.Bytes, links);
        undirected = default;

        var bidirectional = Measure(() =>
        {
            var g = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: true);
            g.AddVertexRange(Enumerable.Range(0, incidence.AdCount + incidence.EntityCount));
            for (var i = 0; i < links; i++)
            {
                g.AddEdge(new SEdge<int>(incidence.LinkAds[i], incidence.AdCount + incidence.LinkEntities[i]));
            }

            return g;
        });
        Report("QuikGraph BidirectionalGraph<int, SEdge<int>> (one direction per link)", bidirectional.Bytes, links);
        bidirectional = default;

        var take = Math.Min(sample, incidence.AdCount);
        var sampleLinks = 0;
        var adapter = Measure(() =>
        {
            var mentions = new List<(string, string)>();
            for (var i = 0; i < links; i++)
            {
                if (incidence.LinkAds[i] < take)
                {
                    mentions.Add((incidence.AdKeys[incidence.LinkAds[i]], incidence.EntityTypes[incidence.LinkEntities[i]] + ":" + incidence.EntityValues[incidence.LinkEntities[i]]));
                }
            }

            var cg = ClusterGraph.Create(incidence.AdKeys.Take(take), mentions);
            sampleLinks = cg.Edges.Count;
            mentions = null;
            return cg.ToQuikGraph();
        });
        Console.WriteLine($"{"ClusterGraph.ToQuikGraph() (records, labels) on the first " + take.ToString("N0", CultureInfo.InvariantCulture) + " ads",-72} {adapter.Bytes / 1e6,10:N1} MB for {sampleLinks:N0} shared-identifier links = {(double)adapter.Bytes / Math.Max(1, sampleLinks),6:N1} B/link -> {(double)adapter.Bytes / Math.Max(1, sampleLinks) * links / 1e9:N2} GB at {links:N0} links");
        GC.KeepAlive(incidence);
        return 0;
    }

    private static (T? Graph, long Bytes) Measure<T>(Func<T> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var graph = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(graph);
        return (graph, after - before);
    }

    private static void Report(string what, long bytes, int links)
        => Console.WriteLine($"{what,-72} {bytes / 1e6,10:N1} MB = {(double)bytes / links,6:N1} B/link");
}
