namespace NetworkAnalysis.Core.Imaging;

/// <summary>Thresholds for calling two images near-duplicates, and the similarity reported for a match.</summary>
/// <remarks>The default threshold comes from the ROC on generated variant pairs in docs/near-duplicates.md.</remarks>
public static class ImageMatch
{
    /// <summary>Largest pHash Hamming distance (of 64 bits) still treated as the same photo.</summary>
    public const int DefaultPHashThreshold = 10;

    /// <summary>Similarity in [0,1] of two 64-bit hashes: 1 − distance / 64.</summary>
    public static double Similarity(ulong a, ulong b) => 1.0 - ImageHasher.Distance(a, b) / 64.0;
}
