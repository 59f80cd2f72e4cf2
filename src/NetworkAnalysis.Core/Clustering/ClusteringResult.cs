namespace NetworkAnalysis.Core.Clustering;

/// <summary>The outcome of clustering: every ad in exactly one cluster.</summary>
/// <param name="Clusters">Clusters, largest first, ties by ID.</param>
/// <param name="AdCluster">For each dense ad index, the index into <paramref name="Clusters"/>.</param>
public sealed record ClusteringResult(IReadOnlyList<Cluster> Clusters, int[] AdCluster);
