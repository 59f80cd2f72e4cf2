using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Graphs;

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
}
