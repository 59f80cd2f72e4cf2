using Npgsql;
using NpgsqlTypes;
using NetworkAnalysis.Storage.Copy;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>Writes a copy into a PostgreSQL schema inside one transaction: tables, rows by binary COPY, indexes, and the
/// SQLite schema the case came from (<c>netan_copy_schema</c>, for the copy back). Committed only after the content read
/// back from the server matched the source; a failed, cancelled or killed copy is rolled back and leaves nothing.</summary>
internal sealed class PostgresCaseTarget : ICaseTableTarget
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _schema;

    public PostgresCaseTarget(PostgresCaseLocator locator, bool force)
    {
        _schema = locator.Schema;
        _connection = PostgresConnections.Open(locator);
        try
        {
            _transaction = _connection.BeginTransaction();
            Execute($"CREATE SCHEMA IF NOT EXISTS {Schema};");
            var existing = new List<string>();
            using (var cmd = new NpgsqlCommand("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relkind IN ('r', 'p') ORDER BY c.relname;", _connection))
            {
                cmd.Parameters.AddWithValue("s", _schema);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    existing.Add(r.GetString(0));
                }
            }

            if (existing.Count > 0 && !force)
            {
                throw new CaseStoreException($"{locator} is not empty (schema {_schema} has {existing.Count} tables): pass --force to replace them with the copy");
            }

            foreach (var table in existing)
            {
                Execute($"DROP TABLE IF EXISTS {Schema}.{CopyRules.Quote(table)} CASCADE;");
            }
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    private string Schema => CopyRules.Quote(_schema);

    public void Create(ICaseTableSource source)
    {
        Execute($"CREATE TABLE {Schema}.{CopyRules.SchemaTable} (seq integer PRIMARY KEY, type text NOT NULL, name text NOT NULL, table_name text NOT NULL, sql text NOT NULL);");
        var seq = 0;
        foreach (var obj in source.SqliteSchema)
        {
            using var cmd = new NpgsqlCommand($"INSERT INTO {Schema}.{CopyRules.SchemaTable} VALUES (@q, @t, @n, @tn, @s);", _connection);
            cmd.Parameters.AddWithValue("q", ++seq);
            cmd.Parameters.AddWithValue("t", obj.Type);
            cmd.Parameters.AddWithValue("n", obj.Name);
            cmd.Parameters.AddWithValue("tn", obj.TableName);
            cmd.Parameters.AddWithValue("s", obj.Sql);
            cmd.ExecuteNonQuery();
        }

        foreach (var table in source.Tables)
        {
            Execute(CreateTableSql(_schema, table));
        }
    }

    /// <summary>The PostgreSQL CREATE TABLE of a case table (types mapped, primary key kept), in <paramref name="schema"/>.</summary>
    internal static string CreateTableSql(string schema, CopyTable table)
    {
        // Text in SQLite's binary order (COLLATE "C"), so every ORDER BY of a command sorts alike on both stores.
        var columns = table.Columns.Select(c => $"{Column(table, c.Name)} {CopyRules.ToPostgres(c.Type)}{(c.Type == CopyColumnType.Text ? " COLLATE \"C\"" : "")}{(c.NotNull ? " NOT NULL" : "")}");
        return $"CREATE TABLE {CopyRules.Quote(schema)}.{CopyRules.Quote(table.Name)} ({string.Join(", ", columns)}, PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(k => Column(table, k)))}));";
    }

    /// <summary>The PostgreSQL CREATE INDEX statements of a case table's plain-column indexes (UNIQUE ones included).</summary>
    internal static IEnumerable<string> CreateIndexSql(string schema, CopyTable table) =>
        table.Indexes.Select(index =>
            $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {CopyRules.Quote(index.Name)} ON {CopyRules.Quote(schema)}.{CopyRules.Quote(table.Name)} ({string.Join(", ", index.Columns.Select(c => CopyRules.Quote(c.Column) + (c.Descending ? " DESC" : "")))});");

    public long Insert(CopyTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var types = table.Columns.Select(c => c.Type switch
        {
            CopyColumnType.Integer => NpgsqlDbType.Bigint,
            CopyColumnType.Real => NpgsqlDbType.Double,
            CopyColumnType.Text => NpgsqlDbType.Text,
            _ => NpgsqlDbType.Bytea,
        }).ToArray();
        long count = 0;
        using var import = _connection.BeginBinaryImport(
            $"COPY {Schema}.{CopyRules.Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Column(table, c.Name)))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            import.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                switch (row[i])
                {
                    case null:
                        import.WriteNull();
                        break;
                    case string s when s.Contains('\0', StringComparison.Ordinal):
                        throw new CaseStoreException($"table {table.Name}, row {count + 1}: column {table.Columns[i].Name} holds a NUL character, which PostgreSQL text cannot store");
                    default:
                        import.Write(row[i], types[i]);
                        break;
                }
            }

            if ((++count & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        import.Complete();
        return count;
    }

    public void Finish(ICaseTableSource source)
    {
        foreach (var table in source.Tables)
        {
            foreach (var sql in CreateIndexSql(_schema, table))
            {
                Execute(sql);
            }
        }
    }

    public string Hash(CancellationToken ct)
    {
        using var written = PostgresTableSource.Within(_connection, _schema);
        return CaseContentHash.Compute(written, ct);
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private static string Column(CopyTable table, string column) =>
        CopyRules.Quote(table.HasRowId && column == CopyTable.RowId ? CopyRules.PostgresRowId : column);

    private void Execute(string sql)
    {
        using var cmd = new NpgsqlCommand(sql, _connection);
        cmd.ExecuteNonQuery();
    }
}
