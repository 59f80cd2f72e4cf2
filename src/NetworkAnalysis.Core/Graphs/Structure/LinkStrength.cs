namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>How solid the link between two ads of a cluster is (see <see cref="ClusterGraphAnalysis.LinkStrength"/>).</summary>
/// <param name="AdA">Key of one ad.</param>
/// <param name="AdB">Key of the other ad.</param>
/// <param name="EdgeDisjointPaths">How many evidence paths join the two ads without sharing a mention or weak link (the maximum flow with unit capacities); 0 when they are not connected in the graph.</param>
/// <param name="Cut">A minimum cut: that many mentions and weak links whose removal separates the two ads.</param>
/// <param name="CutIdentifiers">The identifiers of the cut's mentions, ordinal by label: the link hangs on them (removing them, and the cut's weak links, separates the ads).</param>
public sealed record LinkStrength(string AdA, string AdB, int EdgeDisjointPaths, IReadOnlyList<ClusterEdge> Cut, IReadOnlyList<ClusterNode> CutIdentifiers)
{
    /// <summary>Weak links in the cut.</summary>
    public IEnumerable<ClusterEdge> CutWeakLinks => Cut.Where(e => e.IsWeak);

    /// <summary>One human sentence.</summary>
    public string Describe()
    {
        if (EdgeDisjointPaths == 0)
        {
            return $"{AdA} and {AdB} are not joined by any evidence path inside the cluster";
        }

        var parts = CutIdentifiers.Select(i => i.Label).Concat(CutWeakLinks.Select(w => w.ToString())).ToList();
        var paths = EdgeDisjointPaths == 1 ? "1 independent evidence path" : $"{EdgeDisjointPaths} edge-disjoint evidence paths";
        return $"{AdA} and {AdB}: {paths}; the link hangs on {string.Join(", ", parts)} (removing {(parts.Count == 1 ? "it" : "them")} separates the two ads)";
    }
}
