namespace NetworkAnalysis.Storage.Copy;

/// <summary>What a <see cref="CaseCopier"/> copy did.</summary>
/// <param name="From">The source as shown (a PostgreSQL password masked).</param>
/// <param name="To">The target as shown.</param>
/// <param name="SourceHash">The content hash of the source, over the rows read from it.</param>
/// <param name="TargetHash">The content hash of the target, read back from it after writing.</param>
/// <param name="Tables">Tables copied.</param>
/// <param name="Rows">Rows copied.</param>
/// <param name="Elapsed">Wall time of the copy, verification included.</param>
public sealed record CaseCopyResult(string From, string To, string SourceHash, string TargetHash, int Tables, long Rows, TimeSpan Elapsed)
{
    /// <summary>Whether both hashes agree; only then was the target kept.</summary>
    public bool Verified => string.Equals(SourceHash, TargetHash, StringComparison.Ordinal);
}
