namespace NetworkAnalysis.Storage.Copy;

/// <summary>One table of a case as the copier and the content hash see it, whichever store holds it.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">Its columns in declared order; when <paramref name="HasRowId"/>, the first is the synthetic <c>rowid</c>.</param>
/// <param name="PrimaryKey">The primary-key columns in key order (<c>rowid</c> for a table without a declared key).</param>
/// <param name="HasRowId">The table declares no primary key: SQLite's rowid is copied as its key (some reads order by it).</param>
/// <param name="Indexes">Indexes over plain columns (expression and partial indexes are SQLite-only).</param>
internal sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns, IReadOnlyList<string> PrimaryKey, bool HasRowId, IReadOnlyList<CopyIndex> Indexes)
{
    /// <summary>The synthetic column holding SQLite's rowid of a table without a declared primary key.</summary>
    public const string RowId = "rowid";

    /// <summary>The columns as stored (without the synthetic rowid).</summary>
    public IEnumerable<CopyColumn> Declared => HasRowId ? Columns.Skip(1) : Columns;
}

/// <summary>A column of a <see cref="CopyTable"/>.</summary>
internal sealed record CopyColumn(string Name, CopyColumnType Type, bool NotNull);

/// <summary>An index of a <see cref="CopyTable"/>: its columns, each ascending or descending.</summary>
internal sealed record CopyIndex(string Name, bool Unique, IReadOnlyList<(string Column, bool Descending)> Columns);

/// <summary>An object of a SQLite case's schema (table, index, trigger) with its CREATE statement, so a copy back to
/// SQLite recreates the schema exactly, whatever tables this version of netan knows.</summary>
internal sealed record SqliteSchemaObject(string Type, string Name, string TableName, string Sql);
