namespace NetworkAnalysis.Storage;

/// <summary>An ad as a node of the workbench graph.</summary>
/// <param name="Id">Row ID.</param>
/// <param name="Key">Ad key (site and ID).</param>
/// <param name="ClusterId">Its cluster, if analysed.</param>
/// <param name="City">City, if known.</param>
/// <param name="PostedAt">Posting time (ISO 8601), if known.</param>
/// <param name="Title">Title, if any.</param>
public sealed record GraphAd(long Id, string Key, string? ClusterId, string? City, string? PostedAt, string? Title);
