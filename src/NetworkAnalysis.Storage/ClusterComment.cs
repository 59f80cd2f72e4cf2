namespace NetworkAnalysis.Storage;

/// <summary>A comment on a cluster, or a challenge of one of its decisions (see <see cref="CaseStore.AddComment"/>).</summary>
/// <param name="Id">Its number in the case.</param>
/// <param name="ClusterId">The cluster it was made on.</param>
/// <param name="DecisionId">The decision challenged, or null for a comment.</param>
/// <param name="Kind"><c>comment</c> or <c>challenge</c>.</param>
/// <param name="Text">What was written.</param>
/// <param name="Who">The user.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
public sealed record ClusterComment(long Id, string ClusterId, long? DecisionId, string Kind, string Text, string Who, string At);
