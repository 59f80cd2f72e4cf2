namespace NetworkAnalysis.Core.Similarity;

/// <summary>Two items whose 64-bit hashes are within a Hamming distance of each other.</summary>
/// <param name="A">Index of the first item (the smaller index).</param>
/// <param name="B">Index of the second item (<c>A &lt; B</c>).</param>
/// <param name="Distance">Hamming distance of their hashes, 0..64 bits.</param>
public readonly record struct HammingPair(int A, int B, int Distance);
