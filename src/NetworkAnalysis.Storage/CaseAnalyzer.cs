using System.Diagnostics;
using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Storage;

/// <summary>Clusters a case and stores the result: load the graph, cluster it, save clusters and memberships.</summary>
public sealed class CaseAnalyzer
{
    private readonly CaseStore _store;

    /// <summary>Creates an analyzer over <paramref name="store"/>.</summary>
    public CaseAnalyzer(CaseStore store) => _store = store;

    /// <summary>Runs the analysis and returns what it found.</summary>
    public AnalysisRunResult Analyze(CancellationToken ct = default)
    {
        var options = new ClusteringOptions();
        var runId = _store.BeginRun("analyze", new { clusterer = "engine", max_groups = options.Hubs.MaxGroups, max_ads = options.Hubs.MaxAdDegree, resolution = options.Leiden.Resolution, seed = options.Leiden.Seed });
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var snapshot = _store.LoadSnapshot(ct);
        timings["load_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var previous = _store.Memberships().Where(m => m.ClusterId is not null).ToDictionary(m => m.AdKey, m => m.ClusterId!, StringComparer.Ordinal);
        // Weak links (near-duplicate images/text) join here once their detectors store them.
        var result = ClusteringEngine.Run(snapshot.Incidence, [], options, ct);
        timings["cluster_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var lineage = previous.Count == 0 ? [] : ClusterLineage.Compute(previous, result, snapshot.Incidence.AdKeys);
        _store.SaveClustering(runId, snapshot, result);
        _store.SaveLineage(runId, lineage);
        timings["save_ms"] = watch.Elapsed.TotalMilliseconds;
        _store.FinishRun(runId, timings);
        return new AnalysisRunResult(runId, snapshot.Incidence.AdCount, snapshot.Incidence.EntityCount, result.Clusters.Count, timings);
    }
}
