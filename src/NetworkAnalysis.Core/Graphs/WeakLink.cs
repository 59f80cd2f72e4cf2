namespace NetworkAnalysis.Core.Graphs;

/// <summary>A similarity link between two ads, supplied by a near-duplicate detector.</summary>
/// <param name="AdA">Dense index of one ad.</param>
/// <param name="AdB">Dense index of the other ad.</param>
/// <param name="Kind">What the similarity is measured on.</param>
/// <param name="Similarity">Similarity in [0,1]; 1 means identical.</param>
public readonly record struct WeakLink(int AdA, int AdB, WeakLinkKind Kind, double Similarity);
