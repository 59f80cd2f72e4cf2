namespace NetworkAnalysis.Core.Similarity;

/// <summary>One photo and its near-duplicate variants: the ads showing any of them and the ad pairs they give.</summary>
/// <param name="Ads">Ads showing the photo in some variant, ascending.</param>
/// <param name="Pairs">Pairs of distinct ads of this family, each once with its best similarity, sorted by A then B.</param>
public sealed record PhotoFamily(IReadOnlyList<int> Ads, IReadOnlyList<SimilarPair> Pairs);
