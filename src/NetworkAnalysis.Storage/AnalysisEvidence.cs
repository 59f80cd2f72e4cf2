using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Graphs.Structure;

namespace NetworkAnalysis.Storage;

/// <summary>The stored analysis over a snapshot of the case, ready for <see cref="EvidenceExplainer"/>: nothing is clustered or judged again.</summary>
/// <param name="Snapshot">The case's ads and entities.</param>
/// <param name="Analysis">The stored analysis (parameters, hub verdicts).</param>
/// <param name="Result">The stored clusters, hub verdicts and the link weights they imply, with the graph.</param>
/// <param name="WeakLinks">The weak links the analysis stored.</param>
public sealed record AnalysisEvidence(CaseSnapshot Snapshot, StoredAnalysis Analysis, ClusteringResult Result, IReadOnlyList<WeakLink> WeakLinks)
{
    /// <summary>The strongest evidence path between two ads (dense indexes), or why there is none.</summary>
    public EvidencePath Explain(int adA, int adB) => EvidenceExplainer.Explain(Result, WeakLinks, adA, adB, Analysis.Options);

    /// <summary>The ad–identifier graph over <paramref name="ads"/> (dense indexes) under the stored verdicts and weights.</summary>
    public ClusterGraph ClusterGraph(IReadOnlyList<int> ads) => Core.Graphs.Structure.ClusterGraph.FromResult(Result, WeakLinks, Analysis.Options, ads);

    /// <summary>Edge-disjoint evidence paths and the minimum cut between two linked ads, on their cluster's graph (both
    /// clusters' when Leiden split them apart, which shows the thin link it cut); null when they are the same ad or not linked.</summary>
    public LinkStrength? LinkStrength(int adA, int adB, bool linked)
    {
        if (adA == adB || !linked)
        {
            return null;
        }

        var (ca, cb) = (Result.AdCluster[adA], Result.AdCluster[adB]);
        var ads = Result.Clusters[ca].AdIndexes.Concat(ca == cb ? [] : Result.Clusters[cb].AdIndexes).ToList();
        var keys = Snapshot.Incidence.AdKeys;
        return ClusterGraphAnalysis.LinkStrength(ClusterGraph(ads), keys[adA], keys[adB]);
    }
}
