namespace NetworkAnalysis.Storage;

/// <summary>One entry of a case's hash-chained audit log: who did what to which target, and when.</summary>
/// <param name="Sequence">1-based position in the log; consecutive.</param>
/// <param name="At">UTC time stamp, ISO 8601 with milliseconds.</param>
/// <param name="Actor">Who: the analyst name given with <c>--analyst</c>, else the operating-system user.</param>
/// <param name="Action">What: <c>ingest</c>, <c>analyze</c>, <c>export</c>, <c>report</c>, <c>view</c>, ...</param>
/// <param name="Target">What it was done to: a file, a cluster ID, a URL path.</param>
/// <param name="Details">Optional free text or JSON with parameters and counts.</param>
/// <param name="PreviousHash">The <paramref name="Hash"/> of the entry before (64 zeros for the first).</param>
/// <param name="Hash">Lower-case hex SHA-256 over the previous hash and this entry's canonical form.</param>
public sealed record AuditEntry(
    long Sequence, string At, string Actor, string Action, string Target, string? Details, string PreviousHash, string Hash);
