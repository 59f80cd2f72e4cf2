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
    /// gets it here, once, with its SQLite definition in the copy's schema record so a copy back keeps it.</summary>
    private void EnsureSessions()
    {
        if (_sessionsReady || !IsPostgres || HasTable("sessions"))
        {
            _sessionsReady = true;
            return;
        }

        using var tx = _connection.BeginTransaction();
        // Two servers starting on one case: the second waits here, then finds the table made.
        Raw("SELECT pg_advisory_xact_lock(hashtextextended('netan-sessions:' || current_schema(), 0));", tx);
        Raw("""
            CREATE TABLE IF NOT EXISTS sessions (token_sha256 text COLLATE "C" PRIMARY KEY, user_id bigint NOT NULL, csrf text COLLATE "C" NOT NULL,
                created_at text COLLATE "C" NOT NULL, expires_at text COLLATE "C" NOT NULL);
            """, tx);
        if (HasTable(Copy.CopyRules.SchemaTable, tx))
        {
            using var record = _connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = $"INSERT INTO {Copy.CopyRules.SchemaTable}(seq, type, name, table_name, sql) SELECT coalesce(max(seq), 0) + 1, 'table', 'sessions', 'sessions', @sql FROM {Copy.CopyRules.SchemaTable} "
                + $"WHERE NOT EXISTS (SELECT 1 FROM {Copy.CopyRules.SchemaTable} WHERE name = 'sessions');";
            CaseDialect.Add(record, "$sql", SessionsSqlite);
            record.ExecuteNonQuery();
        }

        tx.Commit();
        _sessionsReady = true;

        void Raw(string sql, System.Data.Common.DbTransaction t)
        {
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = t;
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
