namespace NetworkAnalysis.Core.Clustering;

/// <summary>Two sets of ads (dense indexes) that must not share a cluster: a split or a "not the same poster" decision.</summary>
/// <param name="SideA">Ads of one side.</param>
/// <param name="SideB">Ads of the other side.</param>
public sealed record AdSeparation(IReadOnlyList<int> SideA, IReadOnlyList<int> SideB);
