namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>A partition found by <see cref="LeidenClusterer"/>.</summary>
/// <param name="Membership">Community of each node, numbered 0..k-1 in order of each community's smallest node.</param>
/// <param name="CommunityCount">Number of communities k.</param>
/// <param name="Quality">Value of the quality function (modularity in [-0.5, 1]; CPM unnormalised).</param>
/// <param name="Iterations">Leiden iterations run.</param>
public sealed record LeidenResult(int[] Membership, int CommunityCount, double Quality, int Iterations);
