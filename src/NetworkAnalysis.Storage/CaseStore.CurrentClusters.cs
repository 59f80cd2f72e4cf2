using NetworkAnalysis.Core.Clustering;

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
        using (var cmd = Command("SELECT cluster_id, component_id FROM cluster_components;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                if (index.TryAdd(id, ids.Count))
                {
                    ids.Add(id);
                    components.Add(r.GetString(1));
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
            }

            return c;
        }

        if (IsPostgres)
        {
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
        else
        {
            ReadMemberships(rows, index, ClusterIndex, Assign);
        }

        return new PreviousClustering(clusterOfAd, ids, components);
    }

    /// <summary>Every membership row in row order, its cluster ID resolved through <paramref name="index"/> from the UTF-8 text
    /// SQLite holds, without a string per row (issue #21: a million rows at 1,000,000 ads, 70,000 distinct IDs); an ID not in
    /// it goes through <paramref name="add"/>. Rows of ads not in the snapshot (<paramref name="rows"/>) are skipped, as before.</summary>
    private void ReadMemberships(int[] rows, Dictionary<string, int> index, Func<string, int> add, Action<long, int> assign)
    {
        var db = Connection.Handle!;
        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(db, "SELECT ad, cluster_id FROM memberships;", out var stmt);
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
        using (stmt)
        {
            Span<char> chars = stackalloc char[256];
            while ((rc = SQLitePCL.raw.sqlite3_step(stmt)) == SQLitePCL.raw.SQLITE_ROW)
            {
                var row = SQLitePCL.raw.sqlite3_column_int64(stmt, 0);
                if (row < 0 || row >= rows.Length || rows[row] < 0)
                {
                    continue;
                }

                // A TEXT value's bytes (without the terminating zero).
                var utf8 = SQLitePCL.raw.sqlite3_column_blob(stmt, 1);
                int cluster;
                if (utf8.Length <= chars.Length && System.Text.Encoding.UTF8.TryGetChars(utf8, chars, out var n) && lookup.TryGetValue(chars[..n], out var known))
                {
                    cluster = known;
                }
                else
                {
                    cluster = add(System.Text.Encoding.UTF8.GetString(utf8));
                }

                assign(row, cluster);
            }

            if (rc != SQLitePCL.raw.SQLITE_DONE)
            {
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
    }
}
