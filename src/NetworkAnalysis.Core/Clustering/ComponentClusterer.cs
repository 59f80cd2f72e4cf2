using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Clusters ads into connected components over shared strong identifiers (union-find).</summary>
/// <remarks>Works on the bipartite incidence directly, so a hub entity costs its degree, not its degree squared.</remarks>
public static class ComponentClusterer
{
    /// <summary>Clusters the ads of <paramref name="incidence"/>.</summary>
    /// <param name="incidence">Ads, entities and their links.</param>
    /// <param name="linkable">Which entities may link ads (by entity index); null means every strong-link entity.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Cluster(AdEntityIncidence incidence, Func<int, bool>? linkable = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        linkable ??= e => incidence.EntityTypes[e].IsStrongLink();
        var uf = new UnionFind(incidence.AdCount);
        var firstAdOfEntity = new int[incidence.EntityCount];
        Array.Fill(firstAdOfEntity, -1);
        var allowed = new bool[incidence.EntityCount];
        for (var e = 0; e < allowed.Length; e++)
        {
            allowed[e] = linkable(e);
        }

        for (var i = 0; i < incidence.LinkCount; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var e = incidence.LinkEntities[i];
            if (!allowed[e])
            {
                continue;
            }

            var a = incidence.LinkAds[i];
            if (firstAdOfEntity[e] < 0)
            {
                firstAdOfEntity[e] = a;
            }
            else
            {
                uf.Union(firstAdOfEntity[e], a);
            }
        }

        return FromPartition(incidence.AdKeys, i => uf.Find(i));
    }

    /// <summary>Builds a <see cref="ClusteringResult"/> from any labelling of ads into groups.</summary>
    /// <param name="adKeys">Ad keys by dense index.</param>
    /// <param name="groupOf">Group label of each ad (any ints; equal labels mean the same cluster).</param>
    public static ClusteringResult FromPartition(string[] adKeys, Func<int, int> groupOf)
    {
        ArgumentNullException.ThrowIfNull(adKeys);
        ArgumentNullException.ThrowIfNull(groupOf);
        var members = new Dictionary<int, List<int>>();
        for (var a = 0; a < adKeys.Length; a++)
        {
            var g = groupOf(a);
            if (!members.TryGetValue(g, out var list))
            {
                members[g] = list = [];
            }

            list.Add(a);
        }

        var clusters = members.Values
            .Select(list => new Cluster(ClusterIds.FromMembers(list.Select(a => adKeys[a])), list))
            .OrderByDescending(c => c.Size)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var adCluster = new int[adKeys.Length];
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var a in clusters[c].AdIndexes)
            {
                adCluster[a] = c;
            }
        }

        return new ClusteringResult(clusters, adCluster);
    }
}
