namespace NetworkAnalysis.Core.Risk;

/// <summary>The risk score of one cluster with every indicator's contribution.</summary>
/// <param name="ClusterId">The cluster's ID.</param>
/// <param name="AdCount">Number of ads in the cluster.</param>
/// <param name="Score">The triage score in [0,100]; the sum of the contributions' points.</param>
/// <param name="Contributions">Indicators that fired (strength &gt; 0), largest points first, ties by ID.</param>
public sealed record RiskAssessment(string ClusterId, int AdCount, double Score, IReadOnlyList<IndicatorContribution> Contributions)
{
    /// <summary>Whether any review flag (youth cues) fired: a human must look regardless of the score.</summary>
    public bool NeedsReview => Contributions.Any(c => c.IsReviewFlag);
}
