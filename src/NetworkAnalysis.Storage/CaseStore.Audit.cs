using System.Globalization;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    private bool _auditReady;

    /// <summary>Appends one entry to the case's audit log: who did what to which target, and when.</summary>
    /// <remarks>
    /// The table is created on first use. Entries are append-only; the workbench records every view and export.
    /// TODO(#10): hash-chain the entries (each row carrying the hash of the previous one).
    /// </remarks>
    /// <param name="actor">Who acted (the analyst's name).</param>
    /// <param name="action">What was done, e.g. <c>view.cluster</c> or <c>export.graphml</c>.</param>
    /// <param name="target">What it was done to, e.g. a cluster ID or an ad key.</param>
    /// <returns>The entry's ID.</returns>
    public long AppendAudit(string actor, string action, string target)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        EnsureAuditTable();
        using var cmd = Command("INSERT INTO audit_log(at, actor, action, target) VALUES ($at, $actor, $action, $target) RETURNING id;");
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$actor", actor);
        cmd.Parameters.AddWithValue("$action", action);
        cmd.Parameters.AddWithValue("$target", target);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The most recent audit entries, newest first, optionally only those about <paramref name="target"/>.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(int limit = 100, string? target = null)
    {
        EnsureAuditTable();
        using var cmd = Command("""
            SELECT id, at, actor, action, target FROM audit_log
            WHERE $target IS NULL OR target = $target ORDER BY id DESC LIMIT $limit;
            """);
        cmd.Parameters.AddWithValue("$target", (object?)target ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<AuditEntry>();
        while (r.Read())
        {
            list.Add(new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        }

        return list;
    }

    private void EnsureAuditTable()
    {
        if (_auditReady)
        {
            return;
        }

        Execute(Connection, """
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS audit_log_target ON audit_log(target);
            """);
        _auditReady = true;
    }
}
