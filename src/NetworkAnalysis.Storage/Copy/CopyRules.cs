namespace NetworkAnalysis.Storage.Copy;

/// <summary>What a copy leaves out, shared by both stores' readers so the content hash means the same on each side.</summary>
internal static class CopyRules
{
    /// <summary>The PostgreSQL table holding the SQLite schema the case came from.</summary>
    public const string SchemaTable = "netan_copy_schema";

    /// <summary>The PostgreSQL column holding SQLite's rowid for tables without a declared primary key.</summary>
    public const string PostgresRowId = "netan_rowid";

    /// <summary>
    /// Rows that record the state of derived search indexes, which are not copied (the FTS5 index is SQLite-only and
    /// rebuilt by the workbench): copying the row without the index would make the copy believe its search index is built.
    /// </summary>
    public static string? RowFilter(string table) => table == "meta" ? "\"key\" <> 'workbench_fts_max'" : null;

    /// <summary>Quotes an identifier for SQLite and PostgreSQL alike.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The type of a SQLite declared column type, or null when the copier cannot map it.</summary>
    public static CopyColumnType? FromSqlite(string declared) => declared.Trim().ToUpperInvariant() switch
    {
        "INTEGER" => CopyColumnType.Integer,
        "REAL" => CopyColumnType.Real,
        "TEXT" => CopyColumnType.Text,
        "BLOB" => CopyColumnType.Blob,
        _ => null,
    };

    /// <summary>The PostgreSQL type of a column type.</summary>
    public static string ToPostgres(CopyColumnType type) => type switch
    {
        CopyColumnType.Integer => "bigint",
        CopyColumnType.Real => "double precision",
        CopyColumnType.Text => "text",
        _ => "bytea",
    };

    /// <summary>The column type of a PostgreSQL type, or null when it is none the copier writes.</summary>
    public static CopyColumnType? FromPostgres(string type) => type switch
    {
        "bigint" => CopyColumnType.Integer,
        "double precision" => CopyColumnType.Real,
        "text" => CopyColumnType.Text,
        "bytea" => CopyColumnType.Blob,
        _ => null,
    };
}
