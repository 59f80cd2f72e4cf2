using System.Globalization;
using Npgsql;
using NetworkAnalysis.Storage.Copy;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>Appends to the hash-chained audit log of a case on PostgreSQL, by the same rule as a case file
/// (<see cref="AuditChain"/>), so the entry travels with the case and <c>netan audit verify</c> checks it after a copy back.</summary>
public static class PostgresCaseAudit
{
    /// <summary>Appends an entry (who, what, to which target) to the case at <paramref name="locator"/>.</summary>
    /// <exception cref="CaseStoreException">The server cannot be reached or the schema holds no case.</exception>
    public static AuditEntry Append(PostgresCaseLocator locator, string actor, string action, string target, string? details = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(target);
        using var connection = PostgresConnections.Open(locator);
        using var tx = connection.BeginTransaction();
        var schema = CopyRules.Quote(locator.Schema);
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@t) IS NOT NULL;", connection))
        {
            exists.Parameters.AddWithValue("t", schema + ".audit");
            if (!(bool)exists.ExecuteScalar()!)
            {
                throw new CaseStoreException($"{locator} holds no case (no audit table in schema {locator.Schema})");
            }
        }

        // One writer at a time: the next entry chains onto the last one.
        using (var lockCmd = new NpgsqlCommand($"LOCK TABLE {schema}.audit IN EXCLUSIVE MODE;", connection))
        {
            lockCmd.ExecuteNonQuery();
        }

        long last = 0;
        var previous = AuditChain.Genesis;
        using (var cmd = new NpgsqlCommand($"SELECT seq, hash FROM {schema}.audit ORDER BY seq DESC LIMIT 1;", connection))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                last = r.GetInt64(0);
                previous = r.GetString(1);
            }
        }

        var seq = last + 1;
        var at = (time ?? TimeProvider.System).GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var hash = AuditChain.Hash(previous, seq, at, actor, action, target, details);
        using (var insert = new NpgsqlCommand($"INSERT INTO {schema}.audit(seq, at, actor, action, target, details, prev_hash, hash) VALUES (@s, @at, @who, @what, @target, @details, @prev, @hash);", connection))
        {
            insert.Parameters.AddWithValue("s", seq);
            insert.Parameters.AddWithValue("at", at);
            insert.Parameters.AddWithValue("who", actor);
            insert.Parameters.AddWithValue("what", action);
            insert.Parameters.AddWithValue("target", target);
            insert.Parameters.AddWithValue("details", NpgsqlTypes.NpgsqlDbType.Text, (object?)details ?? DBNull.Value);
            insert.Parameters.AddWithValue("prev", previous);
            insert.Parameters.AddWithValue("hash", hash);
            insert.ExecuteNonQuery();
        }

        using (var mark = new NpgsqlCommand($"INSERT INTO {schema}.meta(key, value) VALUES ('audit_entries', @s) ON CONFLICT (key) DO UPDATE SET value = excluded.value;", connection))
        {
            mark.Parameters.AddWithValue("s", seq.ToString(CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
        }

        tx.Commit();
        return new AuditEntry(seq, at, actor, action, target, details, previous, hash);
    }
}
