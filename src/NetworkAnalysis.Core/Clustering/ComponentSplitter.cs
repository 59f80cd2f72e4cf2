using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Splits one component with weighted Leiden over a bounded ad–ad projection.</summary>
/// <remarks>
/// An identifier shared by d ads of the component (2 ≤ d ≤ <see cref="ClusteringOptions.CliqueMaxDegree"/>) adds
/// a clique with edge weight w/(d−1), so each ad receives w in total from it; a more widely shared identifier
/// enters as one star node with an edge of weight w to each ad (never d² edges). Weak links add
/// <see cref="ClusteringOptions.WeakWeight"/> × similarity. Star nodes have size 0 for CPM. The result depends only
/// on the component's own ads, identifiers and weak links (and the seed), which incremental runs rely on.
/// </remarks>
internal sealed class ComponentSplitter
{
    private readonly BipartiteGraph _graph;
    private readonly IReadOnlyList<double> _weight;
    private readonly WeakLinkIndex _weak;
    private readonly ClusteringOptions _options;
    private readonly ComponentScope _scope;
    private readonly List<int> _src = [];
    private readonly List<int> _dst = [];
    private readonly List<double> _w = [];
    private readonly List<int> _members = [];

    public ComponentSplitter(BipartiteGraph graph, EntityWeights weights, WeakLinkIndex weak, ClusteringOptions options)
    {
        _graph = graph;
        _weight = weights.Weight;
        _weak = weak;
        _options = options;
        _scope = new ComponentScope(graph, _weight);
    }

    /// <summary>The parts of the component <paramref name="ads"/> (ascending), or null when Leiden keeps it whole.</summary>
    public List<int[]>? Split(ReadOnlySpan<int> ads, CancellationToken ct)
    {
        var graph = Project(ads);
        var sizes = new double[graph.NodeCount];
        Array.Fill(sizes, 1.0, 0, ads.Length);
        var result = LeidenClusterer.Run(graph, _options.Leiden, sizes, computeQuality: false, ct);
        var membership = PartMerger.Merge(graph, result.Membership, result.CommunityCount, ads.Length, _options.MinPartSize, _options.MaxConductance);
        var label = new int[result.CommunityCount];
        Array.Fill(label, -1);
        var parts = new List<List<int>>();
        for (var i = 0; i < ads.Length; i++)
        {
            ref var l = ref label[membership[i]];
            if (l < 0)
            {
                l = parts.Count;
                parts.Add([]);
            }

            parts[l].Add(ads[i]);
        }

        return parts.Count > 1 ? parts.Select(p => p.ToArray()).ToList() : null;
    }

    /// <summary>The weighted projection of the component; nodes 0..n-1 are its ads in order, then star nodes.</summary>
    internal WeightedGraph Project(ReadOnlySpan<int> ads)
    {
        _src.Clear();
        _dst.Clear();
        _w.Clear();
        _scope.Enter(ads);
        var nodes = ads.Length;
        foreach (var e in _scope.Entities)
        {
            var d = _scope.CountOf(e);
            if (d < 2)
            {
                continue;
            }

            _members.Clear();
            foreach (var a in _graph.AdsOf(e))
            {
                if (_scope.LocalOf(a) >= 0)
                {
                    _members.Add(_scope.LocalOf(a));
                }
            }

            if (d <= _options.CliqueMaxDegree)
            {
                var w = _weight[e] / (d - 1);
                for (var i = 0; i < _members.Count; i++)
                {
                    for (var j = i + 1; j < _members.Count; j++)
                    {
                        Add(_members[i], _members[j], w);
                    }
                }
            }
            else
            {
                var star = nodes++;
                foreach (var m in _members)
                {
                    Add(star, m, _weight[e]);
                }
            }
        }

        foreach (var ad in ads)
        {
            foreach (var link in _weak.LinksOf(ad))
            {
                var other = _weak.Other(link, ad);
                var sim = _weak.Links[link].Similarity;
                if (other > ad && _scope.LocalOf(other) >= 0 && _options.WeakWeight * sim > 0)
                {
                    Add(_scope.LocalOf(ad), _scope.LocalOf(other), _options.WeakWeight * sim);
                }
            }
        }

        _scope.Leave(ads);

        return WeightedGraph.FromEdges(nodes, _src.ToArray(), _dst.ToArray(), _w.ToArray());
    }

    private void Add(int u, int v, double w)
    {
        _src.Add(u);
        _dst.Add(v);
        _w.Add(w);
    }
}
