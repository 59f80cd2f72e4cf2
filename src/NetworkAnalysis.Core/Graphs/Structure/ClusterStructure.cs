namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>What holds a cluster together: its articulation points and bridges (see <see cref="ClusterGraphAnalysis.Structure"/>).</summary>
/// <param name="Ads">Ads in the cluster graph.</param>
/// <param name="Identifiers">Linking identifiers shared by two or more of the ads.</param>
/// <param name="Edges">Mentions and joining weak links.</param>
/// <param name="Components">Connected pieces of the graph (1 for a cluster held together by its evidence).</param>
/// <param name="ArticulationPoints">Identifiers and ads whose removal splits the graph, most ads cut off first, then by label.</param>
/// <param name="Bridges">Edges whose removal splits the graph, most ads cut off first, then by description.</param>
public sealed record ClusterStructure(int Ads, int Identifiers, int Edges, int Components,
    IReadOnlyList<ClusterCutPoint> ArticulationPoints, IReadOnlyList<ClusterCutLink> Bridges)
{
    /// <summary>The articulation points that are identifiers: "which identifiers hold the cluster together".</summary>
    public IEnumerable<ClusterCutPoint> IdentifierArticulationPoints => ArticulationPoints.Where(p => !p.Node.IsAd);
}
