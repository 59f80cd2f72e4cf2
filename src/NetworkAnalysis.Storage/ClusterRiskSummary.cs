namespace NetworkAnalysis.Storage;

/// <summary>A cluster listed with its stored risk score.</summary>
/// <param name="Cluster">The cluster's summary.</param>
/// <param name="Score">The triage score in [0,100], or null when not scored with the requested indicator file.</param>
/// <param name="NeedsReview">Whether a review flag (youth cues) fired.</param>
public sealed record ClusterRiskSummary(ClusterSummary Cluster, double? Score, bool NeedsReview);
