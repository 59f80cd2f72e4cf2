namespace NetworkAnalysis.Storage;

/// <summary>Which clusters to list, in what order, and which page.</summary>
/// <param name="Sort">The order; ties go to the larger cluster, then the smaller ID.</param>
/// <param name="MinSize">Only clusters with at least this many ads.</param>
/// <param name="City">Only clusters with an ad in a city containing this text (ignoring case), when set.</param>
/// <param name="Status">Only clusters whose current review status is this, when set.</param>
/// <param name="Offset">How many clusters of the order to skip.</param>
/// <param name="Limit">Page size (1 to 1,000).</param>
public sealed record ClusterListQuery(ClusterSort Sort = ClusterSort.Size, int MinSize = 2, string? City = null,
    ClusterStatus? Status = null, int Offset = 0, int Limit = 50);
