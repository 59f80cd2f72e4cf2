using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>
    /// The current cluster of every clustered ad of <paramref name="snapshot"/>, by dense ad, with each cluster's component
    /// (null for a cluster without a recorded component: then <see cref="PreviousClustering.Complete"/> is false).
    /// </summary>
    /// <remarks>
    /// Two row-order scans mapped through the snapshot's row IDs, without joining the ads table, into arrays indexed by dense
    /// ad rather than dictionaries keyed by ad key (issue #21).
    /// </remarks>
    public PreviousClustering CurrentClusters(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var components = new List<string?>();
        // Each cluster's stored cohesion too: a component the update takes over unchanged keeps it (issue #21).
        var cohesion = new List<double>();
        using (var cmd = Command("SELECT cc.cluster_id, cc.component_id, co.cohesion FROM cluster_components cc LEFT JOIN cluster_cohesion co ON co.cluster_id = cc.cluster_id;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                if (index.TryAdd(id, ids.Count))
                {
                    ids.Add(id);
                    components.Add(r.GetString(1));
                    cohesion.Add(r.IsDBNull(2) ? double.NaN : r.GetDouble(2));
                }
            }
        }

        var rows = DenseIndex(snapshot.AdRowIds);
        var clusterOfAd = new int[snapshot.AdRowIds.Length];
        Array.Fill(clusterOfAd, -1);
        void Assign(long row, int cluster)
        {
            if (row >= 0 && row < rows.Length && rows[row] >= 0)
            {
                clusterOfAd[rows[row]] = cluster;
            }
        }

        int ClusterIndex(string id)
        {
            if (!index.TryGetValue(id, out var c))
            {
                // A cluster without a recorded component (a case analysed before components were stored).
                index[id] = c = ids.Count;
                ids.Add(id);
                components.Add(null);
                cohesion.Add(double.NaN);
            }

            return c;
        }

        if (IsPostgres || !ReadMemberships(rows, index, Assign))
        {
            // Row order: a cluster without a recorded component gets its index where its first ad is met, as always.
            Array.Fill(clusterOfAd, -1);
            using var cmd = Command("SELECT ad, cluster_id FROM memberships;");
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = r.GetInt64(0);
                if (row >= 0 && row < rows.Length && rows[row] >= 0)
                {
                    Assign(row, ClusterIndex(r.GetString(1)));
                }
            }
        }

        return new PreviousClustering(clusterOfAd, ids, components) { Cohesion = cohesion };
    }

    /// <summary>Every membership row through SQLite's own API in cluster ID order (the <c>memberships_cluster</c> index), each
    /// run of rows of one cluster resolved through <paramref name="index"/> once, by its UTF-8 bytes, without a string per row
    /// (issue #21: 1,000,000 rows, 70,000 distinct IDs at 1,000,000 ads). Rows of ads not in the snapshot (<paramref name="rows"/>)
    /// are skipped, as before. False, having assigned some rows, when a cluster has no recorded component: then the caller
    /// reads the rows again in row order, which orders such clusters.</summary>
    private bool ReadMemberships(int[] rows, Dictionary<string, int> index, Action<long, int> assign)
    {
        var db = Connection.Handle!;
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(db, "SELECT ad, cluster_id FROM memberships ORDER BY cluster_id;", out var stmt);
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
        using (stmt)
        {
            Span<char> chars = stackalloc char[256];
            var last = new byte[256];
            var lastLength = -1;
            var cluster = -1;
            while ((rc = SQLitePCL.raw.sqlite3_step(stmt)) == SQLitePCL.raw.SQLITE_ROW)
            {
                var row = SQLitePCL.raw.sqlite3_column_int64(stmt, 0);
                if (row < 0 || row >= rows.Length || rows[row] < 0)
                {
                    continue;
                }

                // A TEXT value's bytes (without the terminating zero).
                var utf8 = SQLitePCL.raw.sqlite3_column_blob(stmt, 1);
                if (lastLength < 0 || !utf8.SequenceEqual(last.AsSpan(0, lastLength)))
                {
                    if (utf8.Length > last.Length || !System.Text.Encoding.UTF8.TryGetChars(utf8, chars, out var n)
                        || !lookup.TryGetValue(chars[..n], out cluster))
                    {
                        return false;
                    }

                    utf8.CopyTo(last);
                    lastLength = utf8.Length;
                }

                assign(row, cluster);
            }

            if (rc != SQLitePCL.raw.SQLITE_DONE)
            {
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            }
        }

        return true;
    }

    /// <summary>The hub identifiers of the current clustering (<c>hub_entities</c>, written with its clusters) as (type,
    /// canonical value); an entity stored under a type name that does not parse is left out (it is then never exempt).</summary>
    internal HashSet<(EntityType Type, string Value)> CurrentHubs()
    {
        var hubs = new HashSet<(EntityType, string)>();
        using var cmd = Command("SELECT e.type, e.value FROM hub_entities h JOIN entities e ON e.id = h.entity;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (EntityTypeNames.TryParse(r.GetString(0), out var type))
            {
                hubs.Add((type, r.GetString(1)));
            }
        }

        return hubs;
    }
}
