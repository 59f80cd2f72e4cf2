using System.Diagnostics;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Similarity;

namespace NetworkAnalysis.Storage;

/// <summary>Clusters a case and stores the result: load the graph, cluster it, save clusters and memberships.</summary>
public sealed class CaseAnalyzer
{
    private readonly CaseStore _store;

    /// <summary>Creates an analyzer over <paramref name="store"/>.</summary>
    public CaseAnalyzer(CaseStore store) => _store = store;

    /// <summary>Near-duplicate photo and text settings (default: photos only); <c>Images = false</c> analyses without weak links.</summary>
    /// <remarks>
    /// Weak links enter clustering with weight <see cref="ClusteringOptions.WeakWeight"/> × similarity; one joins two
    /// components only at similarity ≥ <see cref="ClusteringOptions.WeakJoinSimilarity"/> and, by default, only for photos
    /// (<see cref="NearDuplicateOptions.TextJoins"/>); hub families (spanning
    /// more than <see cref="NearDuplicateOptions.MaxFamilyGroups"/> identifier groups) give none. See docs/near-duplicates.md.
    /// </remarks>
    public NearDuplicateOptions NearDuplicates { get; init; } = new();

    /// <summary>Runs the analysis and returns what it found.</summary>
    /// <param name="options">Hub thresholds, Leiden settings and weights; null uses the defaults.</param>
    /// <param name="ct">Cancellation.</param>
    public AnalysisRunResult Analyze(ClusteringOptions? options = null, CancellationToken ct = default)
    {
        options = (options ?? new ClusteringOptions()) with { TextJoins = NearDuplicates.TextJoins };
        var runId = _store.BeginRun("analyze", new
        {
            clusterer = "engine", max_groups = options.Hubs.MaxGroups, max_ads = options.Hubs.MaxAdDegree,
            quality = options.Leiden.Quality.ToString(), resolution = options.Leiden.Resolution, seed = options.Leiden.Seed,
        });
        var timings = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var snapshot = _store.LoadSnapshot(ct);
        timings["load_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var previous = _store.Memberships().Where(m => m.ClusterId is not null).ToDictionary(m => m.AdKey, m => m.ClusterId!, StringComparer.Ordinal);
        var weak = WeakLinks(snapshot, options);
        timings["weak_links_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var result = ClusteringEngine.Run(snapshot.Incidence, weak, options, ct);
        timings["cluster_ms"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var lineage = previous.Count == 0 ? [] : ClusterLineage.Compute(previous, result, snapshot.Incidence.AdKeys);
        _store.SaveClustering(runId, snapshot, result);
        _store.SaveLineage(runId, lineage);
        _store.SaveWeakLinks(snapshot, weak);
        timings["save_ms"] = watch.Elapsed.TotalMilliseconds;
        _store.FinishRun(runId, timings);
        return new AnalysisRunResult(runId, snapshot.Incidence.AdCount, snapshot.Incidence.EntityCount, result.Clusters.Count, timings);
    }

    private IReadOnlyList<Core.Graphs.WeakLink> WeakLinks(CaseSnapshot snapshot, ClusteringOptions options)
    {
        var nd = NearDuplicates;
        if (!nd.Images && !nd.Text)
        {
            return [];
        }

        var (imageAds, pHashes) = nd.Images ? _store.LoadImagePHashes(snapshot) : ([], []);
        var (texts, masks) = nd.Text ? _store.LoadTextsAndMasks(snapshot) : (null, null);
        return NearDuplicateLinker.Link(snapshot.Incidence, options.Hubs, imageAds, pHashes, texts, masks, nd).WeakLinks;
    }
}
