namespace NetworkAnalysis.Core.Evaluation;

/// <summary>How well a clustering agrees with ground truth.</summary>
/// <remarks>All precision/recall/F1 values and ARI are in [0,1] (ARI can be negative for worse-than-chance).</remarks>
public sealed record ClusteringScores
{
    /// <summary>Ads scored (present in both the clustering and the truth).</summary>
    public required int Ads { get; init; }
#pragma warning disable CS1591 // standard measures, defined in docs/evaluation.md
    public required double PairwisePrecision { get; init; }
    public required double PairwiseRecall { get; init; }
    public required double PairwiseF1 { get; init; }
    public required double BCubedPrecision { get; init; }
    public required double BCubedRecall { get; init; }
    public required double BCubedF1 { get; init; }
    public required double AdjustedRandIndex { get; init; }
    public required int PredictedClusters { get; init; }
    public required int TruthClusters { get; init; }
#pragma warning restore CS1591
}
