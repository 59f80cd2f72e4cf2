using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    // Append-only by trigger: an UPDATE or DELETE through SQLite fails. Someone editing the file directly can
    // drop the triggers, which is why every entry is also hash-chained to the one before it.
    internal const string AuditSchema = """
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            details TEXT,
            prev_hash TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    private const int MaxAuditField = 4096;

    /// <summary>Appends an entry to the case's hash-chained audit log and returns it.</summary>
    /// <param name="actor">Who: an analyst name or the operating-system user.</param>
    /// <param name="action">What was done: <c>ingest</c>, <c>analyze</c>, <c>export</c>, <c>report</c>, <c>view</c>, ...</param>
    /// <param name="target">What it was done to: a file, cluster, or URL path.</param>
    /// <param name="details">Optional parameters or counts (free text or JSON).</param>
    /// <remarks>
    /// Safe across processes: the entry is written in an immediate transaction, so two writers never chain onto
    /// the same predecessor (the UNIQUE previous hash would refuse it anyway). Fields longer than 4,096
    /// characters are cut.
    /// </remarks>
    public AuditEntry AppendAudit(string actor, string action, string target, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(target);
        actor = Cut(actor);
        action = Cut(action);
        target = Cut(target);
        details = details is null ? null : Cut(details);

        using var tx = BeginImmediate("audit");
        long last = 0;
        var previous = AuditChain.Genesis;
        using (var cmd = Command("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1;", tx))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                last = r.GetInt64(0);
                previous = r.GetString(1);
            }
        }

        var seq = last + 1;
        var at = Now();
        var hash = AuditChain.Hash(previous, seq, at, actor, action, target, details);
        using (var insert = Command("INSERT INTO audit(seq, at, actor, action, target, details, prev_hash, hash) VALUES ($s, $at, $who, $what, $target, $details, $prev, $hash);", tx))
        {
            insert.Parameters.AddWithValue("$s", seq);
            insert.Parameters.AddWithValue("$at", at);
            insert.Parameters.AddWithValue("$who", actor);
            insert.Parameters.AddWithValue("$what", action);
            insert.Parameters.AddWithValue("$target", target);
            insert.Parameters.AddWithValue("$details", (object?)details ?? DBNull.Value);
            insert.Parameters.AddWithValue("$prev", previous);
            insert.Parameters.AddWithValue("$hash", hash);
            insert.ExecuteNonQuery();
        }

        // How many entries the log should hold, kept beside it: a dropped, emptied or cut audit table is then found.
        using (var mark = Command("INSERT INTO meta(key, value) VALUES ('audit_entries', $s) ON CONFLICT(key) DO UPDATE SET value = excluded.value;", tx))
        {
            mark.Parameters.AddWithValue("$s", seq.ToString(CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
        }

        tx.Commit();
        return new AuditEntry(seq, at, actor, action, target, details, previous, hash);
    }

    /// <summary>Reads the audit log in order, optionally only the last <paramref name="last"/> entries.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(int? last = null)
    {
        var entries = new List<AuditEntry>();
        var sql = last is { } n
            ? $"SELECT * FROM (SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit ORDER BY seq DESC LIMIT {Math.Max(0, n).ToString(CultureInfo.InvariantCulture)}) AS last_entries ORDER BY seq;"
            : "SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit ORDER BY seq;";
        using var cmd = Command(sql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            entries.Add(ReadEntry(r));
        }

        return entries;
    }

    /// <summary>Recomputes the whole audit chain and reports the first broken link.</summary>
    /// <param name="expectedHead">A head hash written down earlier; when given, it must still be in the chain.</param>
    public AuditVerification VerifyAudit(string? expectedHead = null)
    {
        var seen = false;
        AuditVerification result;
        using (var cmd = Command("SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit ORDER BY seq;"))
        using (var r = cmd.ExecuteReader())
        {
            // The reader is closed before the next query: PostgreSQL runs one command at a time on a connection.
            result = AuditChain.Verify(Read(r, hash => seen |= string.Equals(hash, expectedHead, StringComparison.OrdinalIgnoreCase)));
        }

        if (result.IsIntact && MissingAuditEntries(GetMeta("audit_entries"), result.Entries) is { } missing)
        {
            return result with { FirstBrokenSequence = result.Entries + 1, Problem = missing };
        }

        if (result.IsIntact && expectedHead is not null && !seen)
        {
            return result with
            {
                FirstBrokenSequence = result.Entries + 1,
                Problem = $"the head {expectedHead} written down earlier is no longer in the chain ({result.Entries} entries): entries at the end were removed or the log was replaced",
            };
        }

        return result;

        static IEnumerable<AuditEntry> Read(System.Data.Common.DbDataReader r, Action<string> onHash)
        {
            while (r.Read())
            {
                var e = ReadEntry(r);
                onHash(e.Hash);
                yield return e;
            }
        }
    }

    /// <summary>The problem when the case recorded more audit entries (<paramref name="recorded"/>, from meta) than the log holds.</summary>
    internal static string? MissingAuditEntries(string? recorded, long present) =>
        long.TryParse(recorded, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > present
            ? $"the case recorded {n:N0} audit entries but the log holds {present:N0}: the audit table was dropped, emptied or cut short"
            : null;

    private static AuditEntry ReadEntry(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7));

    private static string Cut(string value) => value.Length <= MaxAuditField ? value : value[..MaxAuditField];
}
