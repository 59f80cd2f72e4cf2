namespace NetworkAnalysis.Core.Risk;

/// <summary>How one indicator contributed to a cluster's score.</summary>
/// <param name="IndicatorId">The indicator's ID.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Strength">How strongly it fired, in [0,1].</param>
/// <param name="Points">Its share of the score, in [0,100]: <c>100 * weight * strength / total weight</c>.</param>
/// <param name="Summary">One sentence saying what was found, e.g. <c>+15551230100 used with 4 names</c>.</param>
/// <param name="Evidence">Evidence items (capped; see <see cref="RiskScorerOptions.MaxEvidencePerIndicator"/>), in ad-key then offset order.</param>
public sealed record IndicatorContribution(
    string IndicatorId,
    string Name,
    double Strength,
    double Points,
    string Summary,
    IReadOnlyList<RiskEvidence> Evidence)
{
    /// <summary>Whether this indicator is a review flag (youth cues) rather than a plain score component.</summary>
    public bool IsReviewFlag { get; init; }

    /// <summary>The identifiers the summary is about (mask them with <see cref="Redactor"/> when redacting).</summary>
    public IReadOnlyList<RiskEntityRef> Subjects { get; init; } = [];

    /// <summary>A caution to show next to this indicator, if any.</summary>
    public string? Caution { get; init; }
}
