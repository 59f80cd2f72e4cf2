namespace NetworkAnalysis.Core.Risk;

/// <summary>Options for <see cref="RiskScorer"/>.</summary>
public sealed record RiskScorerOptions
{
    /// <summary>Default options.</summary>
    public static RiskScorerOptions Default { get; } = new();

    /// <summary>Most evidence items kept per indicator and cluster (the rest are counted in the summary).</summary>
    public int MaxEvidencePerIndicator { get; init; } = 20;

    /// <summary>Threads used to score clusters; results do not depend on it. Default 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
