namespace NetworkAnalysis.Core.Similarity;

/// <summary>A weak link between two ads from near-duplicate evidence, consumed by clustering as a weighted edge.</summary>
/// <param name="AdA">Dense index of the first ad (the smaller of the two).</param>
/// <param name="AdB">Dense index of the second ad.</param>
/// <param name="Kind">Image or text evidence.</param>
/// <param name="Similarity">Similarity in [0,1]: 1 − Hamming/64 for images, estimated Jaccard for text.</param>
public sealed record WeakLink(int AdA, int AdB, WeakLinkKind Kind, double Similarity);
