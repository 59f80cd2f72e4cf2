namespace NetworkAnalysis.Storage;

/// <summary>The result of checking a case's audit chain: intact, or the first broken link and why.</summary>
/// <param name="Entries">Entries read.</param>
/// <param name="HeadHash">Hash of the last entry (null when the log is empty); write it down to detect later truncation.</param>
/// <param name="FirstBrokenSequence">Sequence number of the first entry that does not check out; null when intact.</param>
/// <param name="Problem">Why that entry does not check out, written for the user; null when intact.</param>
public sealed record AuditVerification(long Entries, string? HeadHash, long? FirstBrokenSequence, string? Problem)
{
    /// <summary>Whether every link checked out.</summary>
    public bool IsIntact => Problem is null;
}
