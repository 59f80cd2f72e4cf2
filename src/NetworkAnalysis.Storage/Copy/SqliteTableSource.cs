using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage.Copy;

/// <summary>Reads a SQLite case file for a copy or a content hash, inside one read transaction (a consistent snapshot
/// while an ingest may be writing), its tables and columns taken from the file's own schema.</summary>
internal sealed class SqliteTableSource : ICaseTableSource
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _snapshot;

    private SqliteTableSource(SqliteConnection connection)
    {
        _connection = connection;
        _snapshot = connection.BeginTransaction(deferred: true);
        // A deferred transaction takes its snapshot at the first read: read the schema now, inside it.
        Tables = ReadTables();
        SqliteSchema = ReadSchema(Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <inheritdoc/>
    public IReadOnlyList<CopyTable> Tables { get; }

    /// <inheritdoc/>
    public IReadOnlyList<SqliteSchemaObject> SqliteSchema { get; }

    /// <summary>Opens <paramref name="path"/> read-only (its bytes are never changed).</summary>
    /// <exception cref="CaseStoreException">It is missing or not a case file.</exception>
    public static SqliteTableSource Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full) || new FileInfo(full).Length == 0)
        {
            throw new CaseStoreException($"case file not found: {path}");
        }

        // Through the store first: it names a file that is not a case, corrupt or of a newer version.
        using (CaseStore.OpenReadOnly(path))
        {
        }

        var connection = CaseStore.OpenReadOnlyConnection(full, immutable: false);
        try
        {
            return new SqliteTableSource(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public IEnumerable<object?[]> ReadRows(CopyTable table, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name == CopyTable.RowId && table.HasRowId ? "rowid" : CopyRules.Quote(c.Name)));
        var filter = CopyRules.RowFilter(table.Name) is { } f ? " WHERE " + f : "";
        using var cmd = Command($"SELECT {columns} FROM {CopyRules.Quote(table.Name)}{filter} ORDER BY {string.Join(", ", table.PrimaryKey.Select(k => k == CopyTable.RowId && table.HasRowId ? "rowid" : CopyRules.Quote(k)))};");
        using var r = cmd.ExecuteReader();
        long row = 0;
        while (r.Read())
        {
            row++;
            if ((row & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (r.IsDBNull(i))
                {
                    continue;
                }

                var column = table.Columns[i];
                var stored = r.GetFieldType(i);
                values[i] = column.Type switch
                {
                    CopyColumnType.Integer when stored == typeof(long) => r.GetInt64(i),
                    CopyColumnType.Real when stored == typeof(double) || stored == typeof(long) => r.GetDouble(i),
                    CopyColumnType.Text when stored == typeof(string) => r.GetString(i),
                    CopyColumnType.Blob when stored == typeof(byte[]) => (byte[])r.GetValue(i),
                    _ => throw new CaseStoreException(
                        $"table {table.Name}, row {row}: column {column.Name} is declared {column.Type.ToString().ToUpperInvariant()} but holds a {StorageName(stored)} value; the copy keeps types exact and stops here"),
                };
            }

            yield return values;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _snapshot.Dispose();
        _connection.Dispose();
    }

    private static string StorageName(Type stored) =>
        stored == typeof(long) ? "INTEGER" : stored == typeof(double) ? "REAL" : stored == typeof(string) ? "TEXT" : "BLOB";

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _snapshot;
        cmd.CommandText = sql;
        return cmd;
    }

    private List<string> Strings(string sql, string? parameter = null)
    {
        using var cmd = Command(sql);
        if (parameter is not null)
        {
            cmd.Parameters.AddWithValue("$p", parameter);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private List<CopyTable> ReadTables()
    {
        // Ordinary tables only: SQLite's own (sqlite_*), virtual tables (the FTS5 search index) and their shadow tables are
        // derived or internal and rebuilt where needed.
        var names = Strings("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\';");
        var tables = new List<CopyTable>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var columns = new List<CopyColumn>();
            var keyed = new SortedList<long, string>();
            using (var cmd = Command("SELECT name, type, \"notnull\", pk FROM pragma_table_info($p) ORDER BY cid;"))
            {
                cmd.Parameters.AddWithValue("$p", name);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var column = r.GetString(0);
                    var type = CopyRules.FromSqlite(r.GetString(1))
                        ?? throw new CaseStoreException($"table {name}: column {column} is declared '{r.GetString(1)}'; the copy maps only INTEGER, REAL, TEXT and BLOB");
                    columns.Add(new CopyColumn(column, type, r.GetInt64(2) != 0));
                    if (r.GetInt64(3) > 0)
                    {
                        keyed.Add(r.GetInt64(3), column);
                    }
                }
            }

            var hasRowId = keyed.Count == 0;
            if (hasRowId)
            {
                columns.Insert(0, new CopyColumn(CopyTable.RowId, CopyColumnType.Integer, NotNull: true));
            }

            tables.Add(new CopyTable(name, columns, hasRowId ? [CopyTable.RowId] : [.. keyed.Values], hasRowId, ReadIndexes(name)));
        }

        return tables;
    }

    private List<CopyIndex> ReadIndexes(string table)
    {
        var indexes = new List<(string Name, bool Unique)>();
        using (var cmd = Command("SELECT name, \"unique\", origin, partial FROM pragma_index_list($p) ORDER BY name;"))
        {
            cmd.Parameters.AddWithValue("$p", table);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (r.GetString(2) != "pk" && r.GetInt64(3) == 0)
                {
                    indexes.Add((r.GetString(0), r.GetInt64(1) != 0));
                }
            }
        }

        var result = new List<CopyIndex>();
        foreach (var (name, unique) in indexes)
        {
            var columns = new List<(string, bool)>();
            var plain = true;
            using (var cmd = Command("SELECT cid, name, \"desc\" FROM pragma_index_xinfo($p) WHERE key = 1 ORDER BY seqno;"))
            {
                cmd.Parameters.AddWithValue("$p", name);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    plain &= r.GetInt64(0) >= 0;
                    if (plain)
                    {
                        columns.Add((r.GetString(1), r.GetInt64(2) != 0));
                    }
                }
            }

            if (plain && columns.Count > 0)
            {
                result.Add(new CopyIndex(name, unique, columns));
            }
        }

        return result;
    }

    private List<SqliteSchemaObject> ReadSchema(HashSet<string> tables)
    {
        var objects = new List<SqliteSchemaObject>();
        using var cmd = Command("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND type IN ('table', 'index', 'trigger') ORDER BY rowid;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (tables.Contains(r.GetString(2)))
            {
                objects.Add(new SqliteSchemaObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        return objects;
    }
}
