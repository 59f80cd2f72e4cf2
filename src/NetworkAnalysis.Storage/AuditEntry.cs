namespace NetworkAnalysis.Storage;

/// <summary>One entry of the case's audit log.</summary>
/// <param name="Id">Entry ID, increasing in the order entries were appended.</param>
/// <param name="At">When (UTC, ISO 8601 with milliseconds).</param>
/// <param name="Actor">Who acted.</param>
/// <param name="Action">What was done, e.g. <c>view.cluster</c>.</param>
/// <param name="Target">What it was done to.</param>
public sealed record AuditEntry(long Id, string At, string Actor, string Action, string Target);
