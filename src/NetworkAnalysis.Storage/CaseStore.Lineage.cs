using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Appends the lineage of run <paramref name="runId"/> (old cluster → new cluster edges) to <c>cluster_lineage</c>.</summary>
    public void SaveLineage(long runId, IReadOnlyList<LineageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var tx = BeginWrite();
        // The table has no key but SQLite's rowid (its order is the stored order), which a PostgreSQL case keeps as a plain
        // column: numbered here as SQLite numbers a rowid (the highest plus one), the same on both stores.
        long rowId;
        using (var last = Command("SELECT coalesce(max(rowid), 0) FROM cluster_lineage;", tx))
        {
            rowId = Convert.ToInt64(last.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        using var insert = Command("INSERT INTO cluster_lineage(rowid, run_id, old_id, new_id, kind, shared_ads) VALUES ($row, $run, $old, $new, $kind, $shared);", tx);
        CaseIngestor.Bind(insert, "$row", "$run", "$old", "$new", "$kind", "$shared");
        foreach (var r in records)
        {
            insert.Parameters[0].Value = ++rowId;
            insert.Parameters[1].Value = runId;
            insert.Parameters[2].Value = CaseIngestor.Db(r.OldId);
            insert.Parameters[3].Value = CaseIngestor.Db(r.NewId);
            insert.Parameters[4].Value = r.Kind.ToString().ToLowerInvariant();
            insert.Parameters[5].Value = r.SharedAds;
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>The lineage records of the most recent run that recorded any, in stored order.</summary>
    public IReadOnlyList<(string? OldId, string? NewId, string Kind, int SharedAds)> LatestLineage()
    {
        using var cmd = Command("""
            SELECT old_id, new_id, kind, shared_ads FROM cluster_lineage
            WHERE run_id = (SELECT max(run_id) FROM cluster_lineage) ORDER BY rowid;
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<(string?, string?, string, int)>();
        while (r.Read())
        {
            list.Add((r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetInt32(3)));
        }

        return list;
    }

    /// <summary>The mentions of entity row <paramref name="entityRowId"/> in ad row <paramref name="adRowId"/>: span and raw text.</summary>
    public IReadOnlyList<(int? Start, int? End, string Raw)> MentionsOf(long adRowId, long entityRowId)
    {
        using var cmd = Command($"SELECT m.start, m.end, {MentionRaw.Sql("m", "e")} FROM mentions m JOIN entities e ON e.id = m.entity WHERE m.ad = $a AND m.entity = $e ORDER BY m.start;");
        cmd.Parameters.AddWithValue("$a", adRowId);
        cmd.Parameters.AddWithValue("$e", entityRowId);
        using var r = cmd.ExecuteReader();
        var list = new List<(int?, int?, string)>();
        while (r.Read())
        {
            list.Add((r.IsDBNull(0) ? null : r.GetInt32(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2)));
        }

        return list;
    }
}
