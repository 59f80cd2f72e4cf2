namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>An articulation point: a node whose removal splits the cluster ("held together by one phone").</summary>
/// <param name="Node">The identifier or ad.</param>
/// <param name="AdsCutOff">Ads left outside the largest remaining piece if the node were removed (the node itself not counted).</param>
public sealed record ClusterCutPoint(ClusterNode Node, int AdsCutOff)
{
    /// <summary>A one-line description, e.g. "phone:+15555550123 holds 12 ad(s) to the rest".</summary>
    public override string ToString() => $"{Node} holds {AdsCutOff:N0} ad(s) to the rest";
}
