namespace NetworkAnalysis.Core.Risk;

/// <summary>One cluster (poster network) to score.</summary>
/// <param name="Id">The stable cluster ID.</param>
/// <param name="Ads">The member ads.</param>
public sealed record RiskCluster(string Id, IReadOnlyList<RiskAd> Ads);
