using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

/// <summary>The few calls of SQLite's own API that the statements prepared once and bound by position share (the ingest's
/// <see cref="CaseRowWriter"/>, the analysis's cluster rows; issue #21): failures surface as the provider's
/// <see cref="SqliteException"/>, as they would through its commands.</summary>
internal static class SqliteStatements
{
    /// <summary>Prepares <paramref name="sql"/> on <paramref name="db"/>.</summary>
    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var stmt);
        SqliteException.ThrowExceptionForRC(rc, db);
        return stmt;
    }

    /// <summary>Runs an insert to its end and resets it for the next row's values; reset before throwing, so the statement is
    /// reusable after the transaction rolls back.</summary>
    public static void Step(sqlite3 db, sqlite3_stmt stmt)
    {
        var rc = raw.sqlite3_step(stmt);
        raw.sqlite3_reset(stmt);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Binds <paramref name="value"/> as text (UTF-8), or NULL when it is null; returns SQLite's result code.</summary>
    public static int BindTextOrNull(sqlite3_stmt stmt, int index, string? value)
        => value is null ? raw.sqlite3_bind_null(stmt, index) : raw.sqlite3_bind_text(stmt, index, value);
}
