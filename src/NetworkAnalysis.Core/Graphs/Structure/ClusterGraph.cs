using NetworkAnalysis.Core.Clustering;
using QuikGraph;

namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>The ad–identifier graph of one cluster, small enough for per-cluster algorithms (max-flow, cut vertices).</summary>
/// <remarks>
/// Nodes are the cluster's ads and the linking identifiers that two or more of them mention (an identifier of a
/// single ad cannot link anything); edges are the mentions plus the weak links (near-duplicates) that join ads.
/// The whole case stays in <see cref="BipartiteGraph"/>'s CSR arrays: this object graph costs hundreds of bytes per
/// edge (see docs/clustering.md) and is built only for the one cluster asked about. Order is deterministic: ads
/// and identifiers ordinal by label, edges by ad then identifier.
/// </remarks>
public sealed class ClusterGraph
{
    private readonly Dictionary<string, ClusterNode> _ads;

    private ClusterGraph(List<ClusterNode> ads, List<ClusterNode> identifiers, List<ClusterEdge> edges)
    {
        Ads = ads;
        Identifiers = identifiers;
        Edges = edges;
        _ads = ads.ToDictionary(a => a.Label, StringComparer.Ordinal);
    }

    /// <summary>The cluster's ads, ordinal by key.</summary>
    public IReadOnlyList<ClusterNode> Ads { get; }

    /// <summary>The linking identifiers shared by two or more of the ads, ordinal by label.</summary>
    public IReadOnlyList<ClusterNode> Identifiers { get; }

    /// <summary>Mentions (ad → identifier) and joining weak links (ad → ad).</summary>
    public IReadOnlyList<ClusterEdge> Edges { get; }

    /// <summary>The ad node with key <paramref name="key"/>, or null when the ad is not in this graph.</summary>
    public ClusterNode? FindAd(string key) => _ads.GetValueOrDefault(key);

    /// <summary>Builds the graph from plain data: ad keys, (ad key, identifier label) mentions and weak links.</summary>
    /// <param name="adKeys">The cluster's ads; duplicates are ignored.</param>
    /// <param name="mentions">Which ad mentions which linking identifier; mentions of ads not in <paramref name="adKeys"/> are ignored, so are identifiers that fewer than two of the ads mention.</param>
    /// <param name="weakLinks">Joining near-duplicate links between two of the ads (others are ignored); may be null.</param>
    public static ClusterGraph Create(IEnumerable<string> adKeys, IEnumerable<(string Ad, string Identifier)> mentions,
        IEnumerable<(string AdA, string AdB, WeakLinkKind Kind, double Similarity)>? weakLinks = null)
    {
        ArgumentNullException.ThrowIfNull(adKeys);
        ArgumentNullException.ThrowIfNull(mentions);
        var ads = adKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(k => new ClusterNode(ClusterNodeKind.Ad, k)).ToList();
        var adByKey = ads.ToDictionary(a => a.Label, StringComparer.Ordinal);
        var byIdentifier = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (ad, identifier) in mentions)
        {
            if (!adByKey.ContainsKey(ad))
            {
                continue;
            }

            if (!byIdentifier.TryGetValue(identifier, out var set))
            {
                byIdentifier[identifier] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(ad);
        }

        var identifiers = byIdentifier.Where(p => p.Value.Count >= 2).Select(p => p.Key).Order(StringComparer.Ordinal)
            .Select(l => new ClusterNode(ClusterNodeKind.Identifier, l)).ToList();
        var edges = new List<(ClusterEdge Edge, string Ad, string Other)>();
        foreach (var identifier in identifiers)
        {
            foreach (var ad in byIdentifier[identifier.Label])
            {
                edges.Add((new ClusterEdge(adByKey[ad], identifier), ad, identifier.Label));
            }
        }

        foreach (var (a, b, kind, similarity) in weakLinks ?? [])
        {
            if (a != b && adByKey.TryGetValue(a, out var na) && adByKey.TryGetValue(b, out var nb))
            {
                var (first, second) = string.CompareOrdinal(a, b) < 0 ? (na, nb) : (nb, na);
                edges.Add((new ClusterEdge(first, second, kind, similarity), first.Label, "~" + second.Label));
            }
        }

        edges.Sort((x, y) => string.CompareOrdinal(x.Ad, y.Ad) is var c && c != 0 ? c
            : string.CompareOrdinal(x.Other, y.Other) is var d && d != 0 ? d
            : Nullable.Compare(x.Edge.WeakKind, y.Edge.WeakKind));
        return new ClusterGraph(ads, identifiers, edges.Select(e => e.Edge).ToList());
    }

    /// <summary>Builds the graph of a set of ads from a clustering result: identifiers that carry weight (not hubs, not URLs) and the weak links that join.</summary>
    /// <param name="result">A result from <see cref="ClusteringEngine.Run"/> (needs its graph and weights).</param>
    /// <param name="weakLinks">The weak links the result was computed with.</param>
    /// <param name="options">The options the result was computed with (join similarity, text joins).</param>
    /// <param name="ads">Dense ad indexes, e.g. a <see cref="Cluster.AdIndexes"/>.</param>
    public static ClusterGraph FromResult(ClusteringResult result, IReadOnlyList<WeakLink> weakLinks, ClusteringOptions options, IReadOnlyList<int> ads)
    {
        ArgumentNullException.ThrowIfNull(result);
        var graph = result.Graph ?? throw new ArgumentException("the result carries no graph; use ClusteringEngine.Run", nameof(result));
        var weights = result.Weights ?? throw new ArgumentException("the result carries no weights", nameof(result));
        return FromGraph(graph, weights, weakLinks, options, ads);
    }

    /// <summary>Builds the graph of a set of ads from the case graph and its entity weights (no clustering run needed).</summary>
    /// <param name="graph">The case's ad–entity graph.</param>
    /// <param name="weights">Entity weights; identifiers of weight 0 (hubs, URLs) do not link and are left out.</param>
    /// <param name="weakLinks">The case's weak links; those below <see cref="ClusteringOptions.WeakJoinSimilarity"/> (or text ones when text does not join) are left out.</param>
    /// <param name="options">Join similarity and text joins.</param>
    /// <param name="ads">Dense ad indexes of the cluster.</param>
    public static ClusterGraph FromGraph(BipartiteGraph graph, EntityWeights weights, IReadOnlyList<WeakLink> weakLinks, ClusteringOptions options, IReadOnlyList<int> ads)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(weakLinks);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ads);
        var keys = graph.Incidence.AdKeys;
        var members = ads.ToHashSet();
        var mentions = new List<(string, string)>();
        foreach (var ad in members)
        {
            foreach (var e in graph.EntitiesOf(ad))
            {
                if (weights.Weight[e] > 0)
                {
                    mentions.Add((keys[ad], graph.EntityLabel(e)));
                }
            }
        }

        var weak = weakLinks
            .Where(l => members.Contains(l.AdA) && members.Contains(l.AdB) && l.Similarity >= options.WeakJoinSimilarity
                && (options.TextJoins || l.Kind != WeakLinkKind.TextNearDuplicate))
            .Select(l => (keys[l.AdA], keys[l.AdB], l.Kind, l.Similarity));
        return Create(members.Select(a => keys[a]), mentions, weak);
    }

    /// <summary>The graph as a QuikGraph <see cref="UndirectedGraph{TVertex, TEdge}"/> (parallel edges allowed), for notebooks and library users.</summary>
    public UndirectedGraph<ClusterNode, ClusterEdge> ToQuikGraph()
    {
        var g = new UndirectedGraph<ClusterNode, ClusterEdge>(allowParallelEdges: true);
        g.AddVertexRange(Ads);
        g.AddVertexRange(Identifiers);
        g.AddEdgeRange(Edges);
        return g;
    }
}
