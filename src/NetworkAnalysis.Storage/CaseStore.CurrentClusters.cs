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
        using (var cmd = Command("SELECT ad, cluster_id FROM memberships;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var row = r.GetInt64(0);
                if (row < 0 || row >= rows.Length || rows[row] < 0)
                {
                    continue;
                }

                var id = r.GetString(1);
                if (!index.TryGetValue(id, out var c))
                {
                    // A cluster without a recorded component (a case analysed before components were stored).
                    index[id] = c = ids.Count;
                    ids.Add(id);
                    components.Add(null);
                }

                clusterOfAd[rows[row]] = c;
            }
        }

        return new PreviousClustering(clusterOfAd, ids, components);
    }
}
