using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>One hop of an evidence path: two ads joined by a shared identifier or a weak link.</summary>
/// <param name="FromAd">Dense index of the first ad.</param>
/// <param name="ToAd">Dense index of the second ad.</param>
/// <param name="Entity">The shared identifier's dense index, or null for a weak link.</param>
/// <param name="Via">Identifier label (<c>type:value</c>) or weak-link description.</param>
/// <param name="WeakKind">Kind of weak link, or null for an identifier.</param>
/// <param name="Weight">Link weight used by clustering (identifier weight, or weak weight × similarity).</param>
/// <param name="IsHub">Whether the identifier is a hub (only on paths that had to go through one).</param>
public sealed record EvidenceStep(int FromAd, int ToAd, int? Entity, string Via, WeakLinkKind? WeakKind, double Weight, bool IsHub);
