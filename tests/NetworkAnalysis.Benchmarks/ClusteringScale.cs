using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;

namespace NetworkAnalysis.Benchmarks;

/// <summary>End-to-end scale run: generate a planted corpus, then time graph build, hub detection + components, and the full engine.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- clustering scale 1000000</c>. Peak memory is the process's VmHWM.</remarks>
internal static class ClusteringScale
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var sw = Stopwatch.StartNew();
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = ads, Seed = 1 });
        var incidence = planted.Incidence;
        Console.WriteLine($"generated {ads:N0} ads, {incidence.EntityCount:N0} entities, {incidence.LinkCount:N0} links, {planted.WeakLinks.Count:N0} weak links in {sw.Elapsed.TotalSeconds:F1} s (not timed below); VmHWM {PeakMb():N0} MB");

        sw.Restart();
        var graph = BipartiteGraph.Build(incidence);
        var build = sw.Elapsed;
        sw.Restart();
        var hubs = HubDetector.Detect(graph, new HubOptions());
        var hubTime = sw.Elapsed;
        Console.WriteLine($"graph build {build.TotalSeconds:F2} s; hub detection + union-find {hubTime.TotalSeconds:F2} s ({hubs.Hubs.Count:N0} hubs)");
        graph = null;
        GC.Collect();

        sw.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = ClusteringEngine.Run(incidence, planted.WeakLinks, new ClusteringOptions());
        var total = sw.Elapsed;
        var cpuTotal = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"engine total (build + hubs + components + cohesion + Leiden + IDs): wall {total.TotalSeconds:F2} s, CPU {cpuTotal.TotalSeconds:F2} s (the engine is single-threaded; CPU time is the wall time on an idle core); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{result.Clusters.Count:N0} clusters; {result.Statistics}");
        var s = ClusteringSweep.Score(planted, result);
        Console.WriteLine($"quality vs planted rings: B3 F1 {s.BCubedF1:F4}, ARI {s.AdjustedRandIndex:F4}");
        Console.WriteLine($"peak memory (VmHWM): {PeakMb():N0} MB");
        if (args.Length > 1 && args[1] == "--profile")
        {
            Profile(incidence, planted.WeakLinks, result);
        }

        if (args.Length > 1 && args[1] == "--no-split")
        {
            sw.Restart();
            ClusteringEngine.Run(incidence, planted.WeakLinks, new ClusteringOptions { SplitMinSize = int.MaxValue });
            Console.WriteLine($"engine without Leiden: {sw.Elapsed.TotalSeconds:F2} s");
        }
        return 0;
    }

    private static void Profile(AdEntityIncidence incidence, IReadOnlyList<WeakLink> weakLinks, ClusteringResult result)
    {
        var options = new ClusteringOptions();
        var graph = result.Graph!;
        var weak = new WeakLinkIndex(graph.AdCount, weakLinks);
        var analyzer = new CohesionAnalyzer(graph, result.Weights!, weak, options.WeakJoinSimilarity);
        var splitter = new ComponentSplitter(graph, result.Weights!, weak, options);
        var components = result.Clusters.GroupBy(c => c.ComponentId).Select(g => g.SelectMany(c => c.AdIndexes).Order().ToArray()).ToList();
        var sw = Stopwatch.StartNew();
        var considered = new List<int[]>();
        foreach (var c in components)
        {
            var (coh, _) = analyzer.Analyze(c, 5);
            if (c.Length >= 6 && coh < options.MinCohesion)
            {
                considered.Add(c);
            }
        }

        Console.WriteLine($"cohesion of {components.Count:N0} components: {sw.Elapsed.TotalSeconds:F2} s");
        sw.Restart();
        foreach (var c in considered)
        {
            splitter.Project(c);
        }

        Console.WriteLine($"projection of {considered.Count:N0} components: {sw.Elapsed.TotalSeconds:F2} s");
        sw.Restart();
        foreach (var c in considered)
        {
            splitter.Split(c, default);
        }

        Console.WriteLine($"projection + Leiden + merge of {considered.Count:N0} components: {sw.Elapsed.TotalSeconds:F2} s");
    }

    internal static long PeakMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return -1;
    }
}
