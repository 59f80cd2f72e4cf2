using System.Globalization;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The SQLite definition of <c>sessions</c> (as <see cref="CaseSchema"/> has it), recorded for the copy back of a
    /// PostgreSQL case that gets the table on first use.</summary>
    private const string SessionsSqlite = "CREATE TABLE sessions (\n    token_sha256 TEXT PRIMARY KEY,\n    user_id INTEGER NOT NULL REFERENCES users(id),\n    csrf TEXT NOT NULL,\n    created_at TEXT NOT NULL,\n    expires_at TEXT NOT NULL)";

    private bool _sessionsReady;

    /// <summary>Stores a new workbench login: the SHA-256 of <paramref name="cookie"/> (never the cookie), the user, the CSRF
    /// token and the end. Sessions that have ended are dropped on the way, so the table stays as small as the team.</summary>
    /// <remarks>Every workbench server on the case finds the session (<see cref="FindSession"/>); that is what lets several
    /// <c>netan serve</c> processes on one PostgreSQL case share their logins. Not audited here: the workbench audits the login.</remarks>
    public void StartSession(string cookie, long userId, string csrf, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(cookie);
        ArgumentException.ThrowIfNullOrEmpty(csrf);
        EnsureSessions();
        var now = Now();
        using var tx = _connection.BeginTransaction();
        using (var sweep = Command("DELETE FROM sessions WHERE expires_at <= $t;", tx))
        {
            sweep.Parameters.AddWithValue("$t", now);
            sweep.ExecuteNonQuery();
        }

        using (var cmd = Command("INSERT INTO sessions(token_sha256, user_id, csrf, created_at, expires_at) VALUES ($h, $u, $c, $t, $e);", tx))
        {
            cmd.Parameters.AddWithValue("$h", TokenHash(cookie));
            cmd.Parameters.AddWithValue("$u", userId);
            cmd.Parameters.AddWithValue("$c", csrf);
            cmd.Parameters.AddWithValue("$t", now);
            cmd.Parameters.AddWithValue("$e", expiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The session of this cookie, unless it has ended or was logged out (on any server of the case); else null.</summary>
    public CaseSession? FindSession(string cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        EnsureSessions();
        using var cmd = Command("SELECT user_id, csrf, expires_at FROM sessions WHERE token_sha256 = $h AND expires_at > $t;");
        cmd.Parameters.AddWithValue("$h", TokenHash(cookie));
        cmd.Parameters.AddWithValue("$t", Now());
        using var r = cmd.ExecuteReader();
        return r.Read() ? new CaseSession(r.GetInt64(0), r.GetString(1), r.GetString(2)) : null;
    }

    /// <summary>Ends the session of this cookie on every server of the case (a logout). Whether there was one.</summary>
    public bool EndSession(string cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        EnsureSessions();
        using var cmd = Command("DELETE FROM sessions WHERE token_sha256 = $h;");
        cmd.Parameters.AddWithValue("$h", TokenHash(cookie));
        return cmd.ExecuteNonQuery() > 0;
    }

    /// <summary>Ends every session of an account (it was removed).</summary>
    private void EndSessionsOf(long userId, System.Data.Common.DbTransaction tx)
    {
        if (!HasTable("sessions", tx))
        {
            return;
        }

        using var cmd = Command("DELETE FROM sessions WHERE user_id = $u;", tx);
        cmd.Parameters.AddWithValue("$u", userId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A case file has <c>sessions</c> from its schema; a PostgreSQL case copied or ingested before the table existed
    /// gets it here, once (see <see cref="AddPostgresTable"/>).</summary>
    private void EnsureSessions()
    {
        if (_sessionsReady || !IsPostgres || HasTable("sessions"))
        {
            _sessionsReady = true;
            return;
        }

        AddPostgresTable(
            "sessions",
            """
            CREATE TABLE IF NOT EXISTS sessions (token_sha256 text COLLATE "C" PRIMARY KEY, user_id bigint NOT NULL, csrf text COLLATE "C" NOT NULL,
                created_at text COLLATE "C" NOT NULL, expires_at text COLLATE "C" NOT NULL);
            """,
            ("table", "sessions", SessionsSqlite));
        _sessionsReady = true;
    }

    /// <summary>Creates a table a PostgreSQL case lacks (one added to the schema after the case was copied or ingested there),
    /// and records its SQLite definition (<paramref name="sqlite"/>: the table, its indexes) in the copy's schema record, so
    /// <c>netan case copy</c> back to a file recreates it. Several servers doing it at once: one creates, the others wait.</summary>
    /// <param name="name">The table.</param>
    /// <param name="postgres">The PostgreSQL statements (<c>IF NOT EXISTS</c>; text columns <c>COLLATE "C"</c>, as a copy makes them).</param>
    /// <param name="sqlite">The SQLite definitions, as <c>sqlite_master</c> would hold them (type, name, SQL).</param>
    private void AddPostgresTable(string name, string postgres, params (string Type, string Name, string Sql)[] sqlite)
    {
        using var tx = _connection.BeginTransaction();
        Raw("SELECT pg_advisory_xact_lock(hashtextextended('netan-add-table:' || current_schema(), 0));");
        Raw(postgres);
        if (HasTable(Copy.CopyRules.SchemaTable, tx))
        {
            foreach (var (type, objectName, sql) in sqlite)
            {
                using var record = _connection.CreateCommand();
                record.Transaction = tx;
                record.CommandText = $"INSERT INTO {Copy.CopyRules.SchemaTable}(seq, type, name, table_name, sql) SELECT coalesce(max(seq), 0) + 1, @type, @name, @table, @sql "
                    + $"FROM {Copy.CopyRules.SchemaTable} WHERE NOT EXISTS (SELECT 1 FROM {Copy.CopyRules.SchemaTable} WHERE name = @name);";
                CaseDialect.Add(record, "$type", type);
                CaseDialect.Add(record, "$name", objectName);
                CaseDialect.Add(record, "$table", name);
                CaseDialect.Add(record, "$sql", sql);
                record.ExecuteNonQuery();
            }
        }

        tx.Commit();

        void Raw(string sql)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }

    private bool HasTable(string name, System.Data.Common.DbTransaction tx)
    {
        using var cmd = Command(Dialect.HasTableSql, tx);
        cmd.Parameters.AddWithValue("$n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }
}
