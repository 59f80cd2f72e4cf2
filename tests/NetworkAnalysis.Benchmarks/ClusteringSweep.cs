using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Core.Evaluation;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Synthetic;

namespace NetworkAnalysis.Benchmarks;

/// <summary>Hub-threshold and resolution sweep on a planted corpus: B-cubed F1 and ARI per setting, naive components alongside.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/NetworkAnalysis.Benchmarks -- clustering sweep [ads] [seed]</c>.</remarks>
internal static class ClusteringSweep
{
    public static int Run(string[] args)
    {
        var ads = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var planted = PlantedIncidenceGenerator.Generate(new PlantedIncidenceOptions { Ads = ads, Seed = seed });
        var truth = planted.TruthByKey();
        var naive = Score(planted, ComponentClusterer.Cluster(planted.Incidence));
        Console.WriteLine($"corpus: {ads:N0} ads, {planted.Incidence.LinkCount:N0} links, seed {seed}, {truth.Values.Distinct().Count():N0} planted rings");
        Console.WriteLine($"naive components: B3 F1 {naive.BCubedF1:F4}, ARI {naive.AdjustedRandIndex:F4}, {naive.PredictedClusters:N0} clusters");
        Console.WriteLine();
        Console.WriteLine("| max groups | max ads | quality | resolution | max conductance | B3 F1 | ARI | clusters | hubs | split/considered |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var settings = new List<ClusteringOptions>();
        foreach (var groups in new[] { 1, 2, 3, 5, 10, 50, int.MaxValue / 2 })
        {
            settings.Add(new ClusteringOptions { Hubs = new HubOptions { MaxGroups = groups } });
        }

        foreach (var maxAds in new[] { 100, 300, 1_000, 10_000 })
        {
            settings.Add(new ClusteringOptions { Hubs = new HubOptions { MaxAdDegree = maxAds } });
        }

        foreach (var resolution in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            settings.Add(new ClusteringOptions { Leiden = new LeidenOptions { Resolution = resolution } });
        }

        foreach (var resolution in new[] { 0.05, 0.1, 0.2, 0.4 })
        {
            settings.Add(new ClusteringOptions { Leiden = new LeidenOptions { Quality = LeidenQuality.Cpm, Resolution = resolution } });
        }

        foreach (var conductance in new[] { 0.05, 0.1, 0.15, 0.25, 0.4 })
        {
            settings.Add(new ClusteringOptions { MaxConductance = conductance });
        }

        settings.Add(new ClusteringOptions { SplitMinSize = int.MaxValue });
        foreach (var o in settings)
        {
            var sw = Stopwatch.StartNew();
            var result = ClusteringEngine.Run(planted.Incidence, planted.WeakLinks, o);
            var s = Score(planted, result);
            Console.WriteLine($"| {Fmt(o.Hubs.MaxGroups)} | {Fmt(o.Hubs.MaxAdDegree)} | {o.Leiden.Quality} | {o.Leiden.Resolution} | {o.MaxConductance} | {s.BCubedF1:F4} | {s.AdjustedRandIndex:F4} | {s.PredictedClusters:N0} | {result.Hubs!.Hubs.Count:N0} | {result.Statistics.ComponentsSplit:N0}/{result.Statistics.ComponentsConsidered:N0}{(o.SplitMinSize == int.MaxValue ? " (no split)" : "")} |");
            _ = sw;
        }

        return 0;
    }

    internal static ClusteringScores Score(PlantedIncidence planted, ClusteringResult result)
    {
        var predicted = new Dictionary<string, string>(planted.Ring.Length, StringComparer.Ordinal);
        for (var a = 0; a < planted.Ring.Length; a++)
        {
            predicted[planted.Incidence.AdKeys[a]] = result.Clusters[result.AdCluster[a]].Id;
        }

        return ClusteringEvaluator.Score(predicted, planted.TruthByKey());
    }

    private static string Fmt(int v) => v >= int.MaxValue / 2 ? "∞" : v.ToString("N0", CultureInfo.InvariantCulture);
}
