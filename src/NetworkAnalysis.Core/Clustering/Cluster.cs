namespace NetworkAnalysis.Core.Clustering;

/// <summary>A poster network: a set of ads linked by shared identifiers.</summary>
/// <param name="Id">Stable ID derived from the members (see <see cref="ClusterIds"/>).</param>
/// <param name="AdIndexes">Dense ad indexes of the members, ascending.</param>
public sealed record Cluster(string Id, IReadOnlyList<int> AdIndexes)
{
    /// <summary>Number of ads.</summary>
    public int Size => AdIndexes.Count;
}
