namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>
    /// The current cluster of every clustered ad of <paramref name="snapshot"/>, by ad key, and its component and cluster
    /// (<see cref="ClusterAssignments()"/>; null when some current cluster has no recorded component).
    /// </summary>
    /// <remarks>Two row-order scans mapped through the snapshot's row IDs, without joining the ads table (issue #21).</remarks>
    public (Dictionary<string, string> Clusters, Dictionary<string, (string ComponentId, string ClusterId)>? Assignments) CurrentClusters(CaseSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var components = new Dictionary<string, (string Cluster, string Component)>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT cluster_id, component_id FROM cluster_components;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                components[id] = (id, r.GetString(1));
            }
        }

        // Row IDs to dense ads through an array, and both maps sized for every ad up front (issue #21: at 1,000,000 ads the
        // growing dictionaries were most of this read).
        var index = DenseIndex(snapshot.AdRowIds);
        var clusters = new Dictionary<string, string>(snapshot.AdRowIds.Length, StringComparer.Ordinal);
        var assignments = new Dictionary<string, (string, string)>(snapshot.AdRowIds.Length, StringComparer.Ordinal);
        var complete = true;
        using (var cmd = Command("SELECT ad, cluster_id FROM memberships;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var row = r.GetInt64(0);
                if (row < 0 || row >= index.Length || index[row] < 0)
                {
                    continue;
                }

                var a = index[row];

                var key = snapshot.Incidence.AdKeys[a];
                var id = r.GetString(1);
                if (components.TryGetValue(id, out var known))
                {
                    clusters[key] = known.Cluster;
                    assignments[key] = (known.Component, known.Cluster);
                }
                else
                {
                    clusters[key] = id;
                    complete = false;
                }
            }
        }

        return (clusters, complete ? assignments : null);
    }
}
