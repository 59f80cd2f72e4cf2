namespace NetworkAnalysis.Core.Similarity;

/// <summary>Two ads found to be near-duplicates, with how similar they are.</summary>
/// <param name="A">Dense index of the first ad (the smaller index).</param>
/// <param name="B">Dense index of the second ad (<c>A &lt; B</c>).</param>
/// <param name="Similarity">Similarity in [0,1]: (by default IDF-weighted) Jaccard of shingle sets for text, 1 − distance/64 for image hashes.</param>
public readonly record struct SimilarPair(int A, int B, double Similarity);
