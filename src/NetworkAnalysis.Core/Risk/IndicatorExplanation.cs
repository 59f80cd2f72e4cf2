namespace NetworkAnalysis.Core.Risk;

/// <summary>One indicator of a cluster's score, explained for display.</summary>
/// <param name="IndicatorId">The indicator's ID.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it looks for.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Strength">How strongly it fired, in [0,1].</param>
/// <param name="Points">Its share of the score, in [0,100].</param>
/// <param name="Summary">What was found.</param>
/// <param name="Subjects">The identifiers concerned, as <c>type value</c> (masked when redacting).</param>
/// <param name="Excerpts">Evidence excerpts.</param>
public sealed record IndicatorExplanation(
    string IndicatorId,
    string Name,
    string Description,
    string Source,
    double Strength,
    double Points,
    string Summary,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<EvidenceExcerpt> Excerpts)
{
    /// <summary>A caution to show with this indicator, if any.</summary>
    public string? Caution { get; init; }

    /// <summary>Whether this is a review flag (youth cues).</summary>
    public bool IsReviewFlag { get; init; }
}
