namespace NetworkAnalysis.Core.Clustering;

/// <summary>The answer to "why are these two ads linked (or not)".</summary>
/// <param name="Linked">Whether a path exists over linking evidence (strong non-hub identifiers and weak links).</param>
/// <param name="SameCluster">Whether the two ads are in the same cluster.</param>
/// <param name="Steps">The strongest path (fewest, heaviest hops): over linking evidence when <paramref name="Linked"/>, otherwise the path that needs hubs or non-linking identifiers, or empty.</param>
/// <param name="Explanation">One human sentence.</param>
public sealed record EvidencePath(bool Linked, bool SameCluster, IReadOnlyList<EvidenceStep> Steps, string Explanation);
