using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Side by side with python3-igraph on one edge list: connected components and modularity Leiden.</summary>
/// <remarks>
/// The edge list is the engine's bounded ad–ad projection of a planted corpus (hubs removed, cliques up to 32 ads,
/// star nodes above, weak links). Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks --
/// clustering igraph 1000000</c>; it calls <c>/usr/bin/python3 tests/NetworkAnalysis.Benchmarks/igraph/compare.py</c>.
/// Times are CPU seconds on both sides (process time; both are single-threaded), so a loaded machine does not skew the ratio.
/// </remarks>
internal static class ClusteringIgraphComparison
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        // --with-hubs keeps hub identifiers (as star nodes), giving one giant component where Leiden has real work.
        var withHubs = args.Contains("--with-hubs");
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = ads, Seed = 1 });
        var options = new ClusteringOptions();
        var graph = BipartiteGraph.Build(planted.Incidence);
        var hubs = HubDetector.Detect(graph, withHubs ? new HubOptions { MaxGroups = int.MaxValue, MaxAdDegree = int.MaxValue } : options.Hubs);
        var weights = EntityWeights.Compute(graph, hubs);
        var splitter = new ComponentSplitter(graph, weights, new WeakLinkIndex(graph.AdCount, planted.WeakLinks), options);
        var all = Enumerable.Range(0, graph.AdCount).ToArray();
        var projection = splitter.Project(all);
        var (src, dst, w) = Edges(projection);
        var path = Path.Combine(Path.GetTempPath(), $"netan-igraph-{ads}.bin");
        Write(path, projection.NodeCount, src, dst, w);
        Console.WriteLine($"edge list{(withHubs ? " (hubs kept as star nodes)" : "")}: {projection.NodeCount:N0} nodes, {src.Length:N0} edges -> {path}");

        var (buildS, built) = Cpu(() => WeightedGraph.FromEdges(projection.NodeCount, src, dst, w));
        var (componentsS, components) = Cpu(() => Components(projection.NodeCount, src, dst));
        var (leiden2S, leiden2) = Cpu(() => LeidenClusterer.Run(built, new LeidenOptions { MaxIterations = 2, Seed = 1 }));
        var (leidenS, leiden) = Cpu(() => LeidenClusterer.Run(built, new LeidenOptions { Seed = 1 }));
        var (strictS, strict) = Cpu(() => LeidenClusterer.Run(built, new LeidenOptions { Seed = 1, Tolerance = 0 }));
        var theirs = RunIgraph(path);
        File.Delete(path);
        string T(string key) => theirs.GetValueOrDefault(key, "?");
        double Ratio(string key, double ours) => double.TryParse(T(key), CultureInfo.InvariantCulture, out var t) && ours > 0 ? t / ours : double.NaN;
        Console.WriteLine($"| step | netan | igraph {T("igraph_version")} | igraph / netan time |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| build graph | {buildS:F2} s | {T("igraph_build_s")} s | {Ratio("igraph_build_s", buildS):F2} |");
        Console.WriteLine($"| connected components | {componentsS:F2} s ({components:N0}) | {T("igraph_components_s")} s ({T("igraph_components")}) | {Ratio("igraph_components_s", componentsS):F2} |");
        Console.WriteLine($"| Leiden, 2 iterations | {leiden2S:F2} s, Q {leiden2.Quality:F6} | {T("igraph_leiden_2_s")} s, Q {T("igraph_leiden_2_modularity")} | {Ratio("igraph_leiden_2_s", leiden2S):F2} |");
        Console.WriteLine($"| Leiden, until stable (default tolerance 1e-6) | {leidenS:F2} s, Q {leiden.Quality:F6} ({leiden.Iterations} it., {leiden.CommunityCount:N0}) | {T("igraph_leiden_-1_s")} s, Q {T("igraph_leiden_-1_modularity")} ({T("igraph_leiden_-1_communities")}) | {Ratio("igraph_leiden_-1_s", leidenS):F2} |");
        Console.WriteLine($"| Leiden, until no node moves (tolerance 0) | {strictS:F2} s, Q {strict.Quality:F6} ({strict.Iterations} it.) | {T("igraph_leiden_-1_s")} s, Q {T("igraph_leiden_-1_modularity")} | {Ratio("igraph_leiden_-1_s", strictS):F2} |");
        return 0;
    }

    private static (double Seconds, T Value) Cpu<T>(Func<T> f)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var value = f();
        return ((Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds, value);
    }

    private static int Components(int n, int[] src, int[] dst)
    {
        var uf = new UnionFind(n);
        var count = n;
        for (var i = 0; i < src.Length; i++)
        {
            if (uf.Union(src[i], dst[i]))
            {
                count--;
            }
        }

        return count;
    }

    private static (int[] Src, int[] Dst, double[] W) Edges(WeightedGraph g)
    {
        var src = new List<int>();
        var dst = new List<int>();
        var w = new List<double>();
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var k = g.Offsets[u]; k < g.Offsets[u + 1]; k++)
            {
                if (g.Targets[k] > u)
                {
                    src.Add(u);
                    dst.Add(g.Targets[k]);
                    w.Add(g.Weights[k]);
                }
            }
        }

        return ([.. src], [.. dst], [.. w]);
    }

    private static void Write(string path, int nodes, int[] src, int[] dst, double[] w)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(nodes);
        writer.Write(src.Length);
        foreach (var x in src)
        {
            writer.Write(x);
        }

        foreach (var x in dst)
        {
            writer.Write(x);
        }

        foreach (var x in w)
        {
            writer.Write(x);
        }
    }

    private static Dictionary<string, string> RunIgraph(string path)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "igraph", "compare.py");
        var start = new ProcessStartInfo("/usr/bin/python3", [Path.GetFullPath(script), path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Write(output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
    }
}
