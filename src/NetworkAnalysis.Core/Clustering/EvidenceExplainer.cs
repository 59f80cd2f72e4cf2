using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Finds the strongest evidence path between two ads, or says why there is none.</summary>
/// <remarks>
/// Dijkstra over the bipartite graph plus weak links; crossing an identifier costs 1 / its weight and a weak link
/// 1 / (weak weight × similarity), so the path prefers few, specific identifiers. First over linking evidence only;
/// if that fails, again allowing hubs, then non-linking identifiers (URLs), to report "only through hub X".
/// Explores at most <c>maxVisited</c> nodes per search.
/// </remarks>
public static class EvidenceExplainer
{
    /// <summary>Explains the relation between ads <paramref name="adA"/> and <paramref name="adB"/> in <paramref name="result"/>.</summary>
    /// <param name="result">A result from <see cref="ClusteringEngine"/> (needs its graph, weights and hubs).</param>
    /// <param name="weakLinks">The weak links the result was computed with.</param>
    /// <param name="adA">Dense index of one ad.</param>
    /// <param name="adB">Dense index of the other ad.</param>
    /// <param name="options">The options the result was computed with.</param>
    /// <param name="maxVisited">Search budget in nodes.</param>
    public static EvidencePath Explain(ClusteringResult result, IReadOnlyList<WeakLink> weakLinks, int adA, int adB, ClusteringOptions options, int maxVisited = 5_000_000)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var graph = result.Graph ?? throw new ArgumentException("the result carries no graph; use ClusteringEngine.Run", nameof(result));
        var hubs = result.Hubs ?? throw new ArgumentException("the result carries no hub report", nameof(result));
        var weights = result.Weights ?? throw new ArgumentException("the result carries no weights", nameof(result));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)adA, (uint)graph.AdCount, nameof(adA));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)adB, (uint)graph.AdCount, nameof(adB));
        var weak = new WeakLinkIndex(graph.AdCount, weakLinks);
        var sameCluster = result.AdCluster[adA] == result.AdCluster[adB];
        var keys = graph.Incidence.AdKeys;
        if (adA == adB)
        {
            return new EvidencePath(true, true, [], $"{keys[adA]} is the same ad");
        }

        var search = new PathSearch(graph, weights, hubs, weak, options, maxVisited);
        if (search.Find(adA, adB, Allow.Linking) is { } path)
        {
            var via = string.Join(", then ", path.Select(s => s.Via));
            return new EvidencePath(true, sameCluster, path, sameCluster
                ? $"{keys[adA]} and {keys[adB]} are linked in cluster {result.Clusters[result.AdCluster[adA]].Id} via {via}"
                : $"{keys[adA]} and {keys[adB]} are connected via {via}, but Leiden split their component at a thin link; they are in clusters {result.Clusters[result.AdCluster[adA]].Id} and {result.Clusters[result.AdCluster[adB]].Id}");
        }

        if (search.Find(adA, adB, Allow.Hubs) is { } hubPath)
        {
            var names = hubPath.Where(s => s.IsHub && s.Entity is not null).Select(s => hubs.Hubs.First(h => h.Entity == s.Entity).Explain(hubs.Options)).Distinct();
            return new EvidencePath(false, sameCluster, hubPath, $"{keys[adA]} and {keys[adB]} are not linked: only through hub {string.Join("; ", names)}");
        }

        if (search.Find(adA, adB, Allow.Everything) is { } weakPath)
        {
            var names = weakPath.Where(s => s.Entity is { } e && !graph.EntityType(e).IsStrongLink()).Select(s => s.Via).Distinct();
            return new EvidencePath(false, sameCluster, weakPath, $"{keys[adA]} and {keys[adB]} are not linked: only through non-linking identifiers ({string.Join(", ", names)})");
        }

        return new EvidencePath(false, sameCluster, [], $"{keys[adA]} and {keys[adB]} are not linked: no shared identifier or near-duplicate path between them");
    }

    internal enum Allow
    {
        Linking,
        Hubs,
        Everything,
    }
}
