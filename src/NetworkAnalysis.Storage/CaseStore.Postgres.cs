using System.Globalization;
using NetworkAnalysis.Storage.Postgres;
using Npgsql;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Opens the case in a PostgreSQL schema: one a <c>netan case copy</c> (or a PostgreSQL ingest) made.</summary>
    /// <exception cref="CaseStoreException">The server cannot be reached, the schema holds no case, or a newer one.</exception>
    private static CaseStore OpenPostgres(PostgresCaseLocator locator, bool create, TimeProvider? time, bool readOnly = false)
    {
        var connection = PostgresConnections.Open(locator);
        try
        {
            string? version;
            using (var cmd = new NpgsqlCommand("SELECT to_regclass('meta') IS NOT NULL;", connection))
            {
                if (!(bool)cmd.ExecuteScalar()!)
                {
                    throw new CaseStoreException(create
                        ? $"{locator} holds no case (no tables in schema {locator.Schema}), and a PostgreSQL case is not created by this command yet: create it with `netan case copy my.case {locator}`"
                        : $"{locator} holds no case (no tables in schema {locator.Schema}): put one there with `netan case copy my.case {locator}`");
                }
            }

            using (var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'schema_version';", connection))
            {
                version = cmd.ExecuteScalar() as string;
            }

            if (version is not null && int.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > CaseSchema.Version)
            {
                throw new CaseStoreException($"{locator} was written by a newer NetworkAnalysis (schema {v}); upgrade netan");
            }

            return new CaseStore(locator.ToString(), connection, NoFileHandle.Instance, time ?? TimeProvider.System, readOnly);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A write transaction that holds the case's writer lock from its start (SQLite: <c>BEGIN IMMEDIATE</c>); on
    /// PostgreSQL the lock is on <paramref name="table"/>, the one table whose next row depends on its last (the audit chain).</summary>
    internal System.Data.Common.DbTransaction BeginImmediate(string table)
    {
        if (_connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var tx = _connection.BeginTransaction();
        Execute(_connection, $"LOCK TABLE {Copy.CopyRules.Quote(table)} IN EXCLUSIVE MODE;", tx);
        return tx;
    }

    /// <summary>A read transaction that sees one state of the case throughout, whatever is written meanwhile (SQLite: a
    /// deferred transaction; PostgreSQL: repeatable read, its snapshot isolation).</summary>
    /// <remarks>Within an analysis on PostgreSQL, the analysis's own transaction (see <see cref="BeginAnalysis"/>).</remarks>
    internal System.Data.Common.DbTransaction BeginSnapshot() => _connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
        ? sqlite.BeginTransaction(deferred: true)
        : _analysis is not null ? new SharedTransaction(_analysis)
        : _connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);

    /// <summary>A PostgreSQL case has no file whose handle must outlive the connection (see <see cref="CaseFileHandles"/>).</summary>
    private sealed class NoFileHandle : IDisposable
    {
        public static NoFileHandle Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
