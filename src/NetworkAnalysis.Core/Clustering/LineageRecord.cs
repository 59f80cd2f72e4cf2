namespace NetworkAnalysis.Core.Clustering;

/// <summary>One edge of cluster lineage: old cluster → new cluster, with the ads they share.</summary>
/// <param name="OldId">The old cluster ID; null for <see cref="LineageKind.New"/>.</param>
/// <param name="NewId">The new cluster ID; null for <see cref="LineageKind.Retired"/>.</param>
/// <param name="Kind">The relation.</param>
/// <param name="SharedAds">Ads in both (for New: the new cluster's size; for Retired: 0).</param>
public sealed record LineageRecord(string? OldId, string? NewId, LineageKind Kind, int SharedAds);
