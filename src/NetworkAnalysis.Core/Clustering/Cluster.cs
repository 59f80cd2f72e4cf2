namespace NetworkAnalysis.Core.Clustering;

/// <summary>A poster network: a set of ads linked by shared identifiers.</summary>
/// <param name="Id">Stable ID derived from the members (see <see cref="ClusterIds"/>).</param>
/// <param name="AdIndexes">Dense ad indexes of the members, ascending.</param>
public sealed record Cluster(string Id, IReadOnlyList<int> AdIndexes)
{
    /// <summary>Number of ads.</summary>
    public int Size => AdIndexes.Count;

    /// <summary>How little of the cluster hangs on a single ad or identifier, in [0,1]; 1 when no single node holds it together.</summary>
    /// <remarks>1 − (ads cut off by removing the most critical node) / size. Computed by <see cref="ClusteringEngine"/>.</remarks>
    public double Cohesion { get; init; } = 1.0;

    /// <summary>The identifiers or ads whose removal would split the cluster, most ads cut off first.</summary>
    public IReadOnlyList<ClusterBridge> Bridges { get; init; } = [];

    /// <summary>ID of the strong-link component the cluster came from (equals <see cref="Id"/> unless Leiden split it).</summary>
    public string? ComponentId { get; init; }
}
