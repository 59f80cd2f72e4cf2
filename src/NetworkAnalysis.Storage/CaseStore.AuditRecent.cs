using System.Globalization;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The newest audit entries first, optionally only those about one target (a cluster ID, an ad key).</summary>
    /// <param name="limit">Most entries to return (1 to 1,000).</param>
    /// <param name="target">Only entries with this target, when given.</param>
    public IReadOnlyList<AuditEntry> RecentAudit(int limit = 100, string? target = null)
    {
        var n = Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        using var cmd = Command(target is null
            ? $"SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit ORDER BY seq DESC LIMIT {n};"
            : $"SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit WHERE target = $t ORDER BY seq DESC LIMIT {n};");
        if (target is not null)
        {
            cmd.Parameters.AddWithValue("$t", target);
        }

        using var r = cmd.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (r.Read())
        {
            entries.Add(ReadEntry(r));
        }

        return entries;
    }
}
