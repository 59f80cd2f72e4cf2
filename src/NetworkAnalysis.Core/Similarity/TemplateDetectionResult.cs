namespace NetworkAnalysis.Core.Similarity;

/// <summary>What <see cref="TemplateDetector"/> found.</summary>
/// <param name="Pairs">Verified near-duplicate pairs (Jaccard at least the threshold), sorted by A then B.</param>
/// <param name="Candidates">Distinct candidate pairs the LSH bands produced (before verification).</param>
/// <param name="Signed">Ads with enough shingles to be signed.</param>
public sealed record TemplateDetectionResult(IReadOnlyList<SimilarPair> Pairs, long Candidates, int Signed);
