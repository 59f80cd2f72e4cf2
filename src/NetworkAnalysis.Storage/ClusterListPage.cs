namespace NetworkAnalysis.Storage;

/// <summary>One page of the workbench's cluster list.</summary>
/// <param name="Items">The clusters of the page, in order.</param>
/// <param name="Total">How many clusters match the filters.</param>
/// <param name="RiskAvailable">Whether the case holds risk scores (otherwise a risk sort falls back to size).</param>
public sealed record ClusterListPage(IReadOnlyList<ClusterListItem> Items, int Total, bool RiskAvailable);
