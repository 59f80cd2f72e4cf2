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
        var runId = _store.BeginRun("analyze", new { clusterer = "components" });
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var snapshot = _store.LoadSnapshot(ct);
        timings["load_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var result = ComponentClusterer.Cluster(snapshot.Incidence, ct: ct);
        timings["cluster_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _store.SaveClustering(runId, snapshot, result);
        timings["save_ms"] = watch.Elapsed.TotalMilliseconds;
        _store.FinishRun(runId, timings);
        return new AnalysisRunResult(runId, snapshot.Incidence.AdCount, snapshot.Incidence.EntityCount, result.Clusters.Count, timings);
    }
}
