namespace NetworkAnalysis.Core.Risk;

/// <summary>The scores of all clusters, versioned with the indicator file that produced them.</summary>
/// <param name="Assessments">One per cluster, highest score first, ties by cluster ID (ordinal).</param>
/// <param name="IndicatorSetSha256">SHA-256 of the indicator file used.</param>
/// <param name="Caveat">The triage caveat; every rendering of these scores must show it.</param>
public sealed record RiskScoringResult(IReadOnlyList<RiskAssessment> Assessments, string IndicatorSetSha256, string Caveat)
{
    /// <summary>The assessment of a cluster, or null.</summary>
    public RiskAssessment? Find(string clusterId) => Assessments.FirstOrDefault(a => a.ClusterId == clusterId);
}
