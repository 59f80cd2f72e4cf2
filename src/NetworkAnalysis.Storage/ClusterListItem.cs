namespace NetworkAnalysis.Storage;

/// <summary>One row of the workbench's cluster list.</summary>
/// <param name="Summary">The cluster's sizes, cities and activity span.</param>
/// <param name="Risk">Its risk score in [0,1] when the case has scores, else null.</param>
/// <param name="Status">Its current review status.</param>
public sealed record ClusterListItem(ClusterSummary Summary, double? Risk, ClusterStatus Status);
