namespace NetworkAnalysis.Storage.Copy;

/// <summary>A case being read for a copy or a content hash: its tables and their rows in primary-key order.</summary>
/// <remarks>Values are <c>long</c>, <c>double</c>, <c>string</c>, <c>byte[]</c> or null, as the column's type says.</remarks>
internal interface ICaseTableSource : IDisposable
{
    /// <summary>The case's tables, ordered by name (ordinal).</summary>
    IReadOnlyList<CopyTable> Tables { get; }

    /// <summary>The SQLite schema the case was created with, in creation order.</summary>
    IReadOnlyList<SqliteSchemaObject> SqliteSchema { get; }

    /// <summary>The rows of <paramref name="table"/> in primary-key order (text compared by UTF-8 bytes).</summary>
    IEnumerable<object?[]> ReadRows(CopyTable table, CancellationToken ct);
}
