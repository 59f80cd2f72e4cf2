namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>A bridge: an edge (one mention or one near-duplicate link) whose removal splits the cluster.</summary>
/// <param name="Edge">The mention or weak link.</param>
/// <param name="AdsCutOff">Ads on the side without the largest remaining piece if the edge were removed.</param>
public sealed record ClusterCutLink(ClusterEdge Edge, int AdsCutOff)
{
    /// <summary>A one-line description, e.g. "ad x/1 mentions phone:… holds 3 ad(s) to the rest".</summary>
    public override string ToString() => $"{Edge} holds {AdsCutOff:N0} ad(s) to the rest";
}
