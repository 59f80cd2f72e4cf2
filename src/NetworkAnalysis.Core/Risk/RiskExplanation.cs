namespace NetworkAnalysis.Core.Risk;

/// <summary>A cluster's score explained: indicators with evidence excerpts, plus the caveat. Renderer-independent.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Score">The score in [0,100].</param>
/// <param name="Caveat">The triage caveat; renderers must show it.</param>
/// <param name="IndicatorSetSha256">SHA-256 of the indicator file that produced the score.</param>
/// <param name="Indicators">Indicators that fired, largest contribution first.</param>
public sealed record RiskExplanation(string ClusterId, double Score, string Caveat, string IndicatorSetSha256, IReadOnlyList<IndicatorExplanation> Indicators)
{
    /// <summary>Whether a review flag fired.</summary>
    public bool NeedsReview => Indicators.Any(i => i.IsReviewFlag);
}
