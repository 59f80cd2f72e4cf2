using Npgsql;
using NpgsqlTypes;
using NetworkAnalysis.Storage.Copy;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>Reads a case from a PostgreSQL schema for a copy or a content hash: tables, columns and keys from the
/// server's catalog, rows by binary COPY in primary-key order (text ordered by its UTF-8 bytes, as SQLite orders it).</summary>
/// <remarks>Reads inside a REPEATABLE READ transaction of its own (a consistent snapshot), or inside the caller's
/// transaction when given one (the copier checks what it wrote before committing it).</remarks>
internal sealed class PostgresTableSource : ICaseTableSource
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _ownTransaction;
    private readonly bool _ownsConnection;

    private PostgresTableSource(NpgsqlConnection connection, string schema, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        if (ownsConnection)
        {
            _ownTransaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        }

        Schema = schema;
        Tables = ReadTables();
        SqliteSchema = ReadSqliteSchema();
    }

    /// <summary>The PostgreSQL schema read.</summary>
    public string Schema { get; }

    /// <inheritdoc/>
    public IReadOnlyList<CopyTable> Tables { get; }

    /// <inheritdoc/>
    public IReadOnlyList<SqliteSchemaObject> SqliteSchema { get; }

    /// <summary>Opens the case at <paramref name="locator"/> for reading.</summary>
    /// <exception cref="CaseStoreException">The server cannot be reached, or the schema holds no case.</exception>
    public static PostgresTableSource Open(PostgresCaseLocator locator)
    {
        var connection = PostgresConnections.Open(locator);
        try
        {
            var source = new PostgresTableSource(connection, locator.Schema, ownsConnection: true);
            if (source.SqliteSchema.Count == 0)
            {
                source.Dispose();
                throw new CaseStoreException($"{locator} holds no case (no {CopyRules.SchemaTable} table in schema {locator.Schema}): copy one there with `netan case copy`");
            }

            return source;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Reads through <paramref name="connection"/> and its current transaction (nothing is owned or closed).</summary>
    public static PostgresTableSource Within(NpgsqlConnection connection, string schema) => new(connection, schema, ownsConnection: false);

    /// <inheritdoc/>
    public IEnumerable<object?[]> ReadRows(CopyTable table, CancellationToken ct)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Physical(table, c.Name)));
        var filter = CopyRules.RowFilter(table.Name) is { } f ? " WHERE " + f : "";
        var order = string.Join(", ", table.PrimaryKey.Select(k =>
            Physical(table, k) + (table.Columns.First(c => c.Name == k).Type == CopyColumnType.Text ? " COLLATE \"C\"" : "") + " NULLS FIRST"));
        using var export = _connection.BeginBinaryExport(
            $"COPY (SELECT {columns} FROM {CopyRules.Quote(Schema)}.{CopyRules.Quote(table.Name)}{filter} ORDER BY {order}) TO STDOUT (FORMAT BINARY)");
        long row = 0;
        while (export.StartRow() != -1)
        {
            if ((++row & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (export.IsNull)
                {
                    export.Skip();
                    continue;
                }

                values[i] = table.Columns[i].Type switch
                {
                    CopyColumnType.Integer => export.Read<long>(NpgsqlDbType.Bigint),
                    CopyColumnType.Real => export.Read<double>(NpgsqlDbType.Double),
                    CopyColumnType.Text => export.Read<string>(NpgsqlDbType.Text),
                    _ => export.Read<byte[]>(NpgsqlDbType.Bytea),
                };
            }

            yield return values;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _ownTransaction?.Dispose();
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    private static string Physical(CopyTable table, string column) =>
        CopyRules.Quote(table.HasRowId && column == CopyTable.RowId ? CopyRules.PostgresRowId : column);

    private List<CopyTable> ReadTables()
    {
        var tables = new List<(uint Oid, string Name)>();
        using (var cmd = new NpgsqlCommand("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relkind IN ('r', 'p') AND c.relname <> @meta;", _connection))
        {
            cmd.Parameters.AddWithValue("s", Schema);
            cmd.Parameters.AddWithValue("meta", CopyRules.SchemaTable);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                tables.Add((r.GetFieldValue<uint>(0), r.GetString(1)));
            }
        }

        var result = new List<CopyTable>();
        foreach (var (oid, name) in tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var columns = new List<CopyColumn>();
            using (var cmd = new NpgsqlCommand("SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute WHERE attrelid = @o AND attnum > 0 AND NOT attisdropped ORDER BY attnum;", _connection))
            {
                cmd.Parameters.AddWithValue("o", NpgsqlDbType.Oid, oid);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var type = CopyRules.FromPostgres(r.GetString(1))
                        ?? throw new CaseStoreException($"table {name}: column {r.GetString(0)} has type {r.GetString(1)}; a case copied by netan has only bigint, double precision, text and bytea");
                    columns.Add(new CopyColumn(r.GetString(0), type, r.GetBoolean(2)));
                }
            }

            var key = new List<string>();
            using (var cmd = new NpgsqlCommand("SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = @o AND i.indisprimary ORDER BY k.ord;", _connection))
            {
                cmd.Parameters.AddWithValue("o", NpgsqlDbType.Oid, oid);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    key.Add(r.GetString(0));
                }
            }

            if (key.Count == 0)
            {
                throw new CaseStoreException($"table {name} has no primary key; a case copied by netan keys every table");
            }

            var hasRowId = columns.Count > 0 && columns[0].Name == CopyRules.PostgresRowId && key is [CopyRules.PostgresRowId];
            if (hasRowId)
            {
                columns[0] = columns[0] with { Name = CopyTable.RowId };
                key[0] = CopyTable.RowId;
            }

            result.Add(new CopyTable(name, columns, key, hasRowId, []));
        }

        return result;
    }

    private List<SqliteSchemaObject> ReadSqliteSchema()
    {
        var objects = new List<SqliteSchemaObject>();
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL;", _connection))
        {
            exists.Parameters.AddWithValue("t", CopyRules.Quote(Schema) + "." + CopyRules.SchemaTable);
            if (!(bool)exists.ExecuteScalar()!)
            {
                return objects;
            }
        }

        using var cmd = new NpgsqlCommand($"SELECT type, name, table_name, sql FROM {CopyRules.Quote(Schema)}.{CopyRules.SchemaTable} ORDER BY seq;", _connection);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            objects.Add(new SqliteSchemaObject(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        return objects;
    }
}
