namespace NetworkAnalysis.Core.Clustering;

/// <summary>Computes lineage between an old clustering (ad key → cluster ID) and a new one.</summary>
/// <remarks>
/// Built from the contingency table of ads present in both, so it is O(ads). Ads only in the old assignment
/// (removed) are ignored except that an old cluster with no surviving ad is <see cref="LineageKind.Retired"/>.
/// Records are ordered by new ID, then old ID (ordinal), so the output is deterministic.
/// </remarks>
public static class ClusterLineage
{
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

        records.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.NewId, y.NewId);
            return c != 0 ? c : string.CompareOrdinal(x.OldId, y.OldId);
        });
        return records;
    }
}
