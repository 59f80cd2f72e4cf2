namespace NetworkAnalysis.Core.Clustering;

/// <summary>Computes lineage between an old clustering (ad key → cluster ID) and a new one.</summary>
/// <remarks>
/// Built from the contingency table of ads present in both, so it is O(ads). Ads only in the old assignment
/// (removed) are ignored except that an old cluster with no surviving ad is <see cref="LineageKind.Retired"/>.
/// Records are ordered by new ID, then old ID (ordinal), so the output is deterministic.
/// </remarks>
public static class ClusterLineage
{
    /// <summary>Lineage records from <paramref name="old"/> (by the dense ads of <paramref name="current"/>) to <paramref name="current"/>.</summary>
    /// <remarks>
    /// The same records as the overload keyed by ad key (issue #21: counted in arrays by cluster index instead of dictionaries
    /// keyed by pairs of ID strings). Old clusters none of whose ads is in <paramref name="current"/> are not seen here.
    /// </remarks>
    /// <param name="old">The previous cluster of each dense ad of <paramref name="current"/>.</param>
    /// <param name="current">The new clustering.</param>
    public static IReadOnlyList<LineageRecord> Compute(PreviousClustering old, ClusteringResult current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        var clusterOfAd = old.ClusterOfAd;
        var shared = new Dictionary<long, int>();
        var newOnly = new int[current.Clusters.Count];
        var seen = new bool[old.ClusterIds.Count];
        for (var a = 0; a < current.AdCluster.Length; a++)
        {
            var n = current.AdCluster[a];
            var o = clusterOfAd[a];
            if (o >= 0)
            {
                seen[o] = true;
                var key = ((long)o << 32) | (uint)n;
                shared[key] = shared.GetValueOrDefault(key) + 1;
            }
            else
            {
                newOnly[n]++;
            }
        }

        var fanOut = new int[old.ClusterIds.Count];
        var fanIn = new int[current.Clusters.Count];
        foreach (var key in shared.Keys)
        {
            fanOut[(int)(key >> 32)]++;
            fanIn[(int)(uint)key]++;
        }

        var records = new List<LineageRecord>(shared.Count);
        foreach (var (key, count) in shared)
        {
            var (o, n) = ((int)(key >> 32), (int)(uint)key);
            var kind = (fanOut[o] > 1, fanIn[n] > 1) switch
            {
                (false, false) => LineageKind.Continued,
                (false, true) => LineageKind.Merged,
                (true, false) => LineageKind.Split,
                (true, true) => LineageKind.SplitMerged,
            };
            records.Add(new LineageRecord(old.ClusterIds[o], current.Clusters[n].Id, kind, count));
        }

        for (var n = 0; n < newOnly.Length; n++)
        {
            if (newOnly[n] > 0 && fanIn[n] == 0)
            {
                records.Add(new LineageRecord(null, current.Clusters[n].Id, LineageKind.New, newOnly[n]));
            }
        }

        // Every old cluster with an ad here has a shared record, so none of them is retired: only possible for clusters
        // none of whose ads is in the current clustering, which the dense assignment does not hold.
        Sort(records);
        return records;
    }

    /// <summary>Lineage records from <paramref name="oldAssignment"/> to <paramref name="current"/>.</summary>
    /// <param name="oldAssignment">Previous cluster ID of each ad key.</param>
    /// <param name="current">The new clustering.</param>
    /// <param name="adKeys">Ad keys of <paramref name="current"/> by dense index.</param>
    public static IReadOnlyList<LineageRecord> Compute(IReadOnlyDictionary<string, string> oldAssignment, ClusteringResult current, IReadOnlyList<string> adKeys)
    {
        ArgumentNullException.ThrowIfNull(oldAssignment);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(adKeys);
        var shared = new Dictionary<(string Old, string New), int>();
        var newOnly = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < adKeys.Count; a++)
        {
            var newId = current.Clusters[current.AdCluster[a]].Id;
            if (oldAssignment.TryGetValue(adKeys[a], out var oldId))
            {
                shared[(oldId, newId)] = shared.GetValueOrDefault((oldId, newId)) + 1;
            }
            else
            {
                newOnly[newId] = newOnly.GetValueOrDefault(newId) + 1;
            }
        }

        var fanOut = new Dictionary<string, int>(StringComparer.Ordinal);
        var fanIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (o, n) in shared.Keys)
        {
            fanOut[o] = fanOut.GetValueOrDefault(o) + 1;
            fanIn[n] = fanIn.GetValueOrDefault(n) + 1;
        }

        var records = new List<LineageRecord>(shared.Count);
        foreach (var ((o, n), count) in shared)
        {
            var kind = (fanOut[o] > 1, fanIn[n] > 1) switch
            {
                (false, false) => LineageKind.Continued,
                (false, true) => LineageKind.Merged,
                (true, false) => LineageKind.Split,
                (true, true) => LineageKind.SplitMerged,
            };
            records.Add(new LineageRecord(o, n, kind, count));
        }

        foreach (var (n, count) in newOnly)
        {
            if (!fanIn.ContainsKey(n))
            {
                records.Add(new LineageRecord(null, n, LineageKind.New, count));
            }
        }

        foreach (var o in oldAssignment.Values.Distinct(StringComparer.Ordinal))
        {
            if (!fanOut.ContainsKey(o))
            {
                records.Add(new LineageRecord(o, null, LineageKind.Retired, 0));
            }
        }

        Sort(records);
        return records;
    }

    /// <summary>By new ID, then old ID (ordinal; null first): a total order, since each (old, new) pair occurs once.</summary>
    private static void Sort(List<LineageRecord> records) => records.Sort((x, y) =>
    {
        var c = string.CompareOrdinal(x.NewId, y.NewId);
        return c != 0 ? c : string.CompareOrdinal(x.OldId, y.OldId);
    });
}
