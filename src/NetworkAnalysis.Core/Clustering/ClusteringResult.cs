using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>The outcome of clustering: every ad in exactly one cluster.</summary>
/// <param name="Clusters">Clusters, largest first, ties by ID.</param>
/// <param name="AdCluster">For each dense ad index, the index into <paramref name="Clusters"/>.</param>
public sealed record ClusteringResult(IReadOnlyList<Cluster> Clusters, int[] AdCluster)
{
    /// <summary>Hub verdicts, when the engine ran hub detection.</summary>
    public HubReport? Hubs { get; init; }

    /// <summary>Entity specificity and link weights, when computed by the engine.</summary>
    public EntityWeights? Weights { get; init; }

    /// <summary>The graph the clustering was computed on, when computed by the engine.</summary>
    public BipartiteGraph? Graph { get; init; }

    /// <summary>Counts describing the run (components, splits, reuse).</summary>
    public ClusteringStatistics Statistics { get; init; } = new();
}
