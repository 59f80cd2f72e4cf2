namespace NetworkAnalysis.Storage.Copy;

/// <summary>Where a copy writes. Nothing becomes visible as a case until <see cref="Commit"/>; disposing without it
/// removes what was written (a copy that fails, is cancelled or does not verify leaves no case behind).</summary>
internal interface ICaseTableTarget : IDisposable
{
    /// <summary>Creates the tables of <paramref name="source"/> (and records its SQLite schema where the store needs it).</summary>
    void Create(ICaseTableSource source);

    /// <summary>Writes the rows of one table; returns how many.</summary>
    long Insert(CopyTable table, IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>Creates indexes and triggers once the rows are in.</summary>
    void Finish(ICaseTableSource source);

    /// <summary>The content hash of what was written, read back from the target store.</summary>
    string Hash(CancellationToken ct);

    /// <summary>Makes the copy the target case.</summary>
    void Commit();
}
