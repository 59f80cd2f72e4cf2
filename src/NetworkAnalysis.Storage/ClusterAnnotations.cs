namespace NetworkAnalysis.Storage;

/// <summary>An analyst's current view of one cluster: its status, tags and notes, with who set them and when.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Status">The latest status (<see cref="ClusterStatus.New"/> when never set).</param>
/// <param name="StatusBy">Who set the latest status, if anyone.</param>
/// <param name="StatusAt">When the latest status was set, if ever.</param>
/// <param name="Tags">Current tags, ordinal order.</param>
/// <param name="Notes">Notes, oldest first.</param>
public sealed record ClusterAnnotations(string ClusterId, ClusterStatus Status, string? StatusBy, string? StatusAt,
    IReadOnlyList<string> Tags, IReadOnlyList<AnalystNote> Notes);
