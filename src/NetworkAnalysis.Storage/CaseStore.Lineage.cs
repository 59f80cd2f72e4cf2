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

        if (!IsPostgres)
        {
            SaveLineageJson(runId, records, rowId, tx);
            tx.Commit();
            return;
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

    /// <summary>
    /// SQLite: the records as JSON arrays <c>[old, new, kind, shared]</c> of up to 8,192 rows, each inserted by one statement
    /// through <c>json_each</c> with the row IDs <paramref name="lastRowId"/> + 1, + 2, ... (issue #21: an incremental run at
    /// 1,000,000 ads writes ~70,000 rows, one per unchanged cluster, and binding six parameters per row cost more than
    /// SQLite's own work). <c>json_extract</c> gives TEXT for the IDs and kind, NULL for a missing ID and INTEGER for the
    /// count: the values a bound row stores.
    /// </summary>
    private void SaveLineageJson(long runId, IReadOnlyList<LineageRecord> records, long lastRowId, System.Data.Common.DbTransaction tx)
    {
        const int Batch = 8192;
        using var insert = Command("""
            INSERT INTO cluster_lineage(rowid, run_id, old_id, new_id, kind, shared_ads)
            SELECT $base + key, $run, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]')
            FROM json_each($json) ORDER BY key;
            """, tx);
        CaseIngestor.Bind(insert, "$base", "$run", "$json");
        insert.Parameters[1].Value = runId;
        var kinds = Enum.GetValues<LineageKind>().ToDictionary(k => k, k => k.ToString().ToLowerInvariant());
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        for (var start = 0; start < records.Count; start += Batch)
        {
            buffer.Clear();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (var i = start; i < Math.Min(records.Count, start + Batch); i++)
                {
                    var r = records[i];
                    json.WriteStartArray();
                    if (r.OldId is null)
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        json.WriteStringValue(r.OldId);
                    }

                    if (r.NewId is null)
                    {
                        json.WriteNullValue();
                    }
                    else
                    {
                        json.WriteStringValue(r.NewId);
                    }

                    json.WriteStringValue(kinds[r.Kind]);
                    json.WriteNumberValue(r.SharedAds);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            insert.Parameters[0].Value = lastRowId + start + 1;
            insert.Parameters[2].Value = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            insert.ExecuteNonQuery();
        }
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
