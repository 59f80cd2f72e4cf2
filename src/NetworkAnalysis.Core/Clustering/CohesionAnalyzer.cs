using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Cohesion and bridges of a set of ads: articulation points of the ad–identifier graph restricted to the set.</summary>
/// <remarks>
/// Nodes are the set's ads and the linking identifiers mentioned by two or more of them; edges are mentions and
/// joining weak links. An articulation node (Tarjan, iterative DFS) is a bridge; its cut is the number of ads left
/// outside the largest piece when it is removed. Cohesion = 1 − (largest cut) / size. Linear in the set's links.
/// Reuses buffers between calls: not thread-safe.
/// </remarks>
internal sealed class CohesionAnalyzer
{
    private readonly BipartiteGraph _graph;
    private readonly IReadOnlyList<double> _weight;
    private readonly WeakLinkIndex _weak;
    private readonly double _joinSimilarity;
    private readonly bool _textJoins;
    private readonly ComponentScope _scope;
    private readonly int[] _entityLocal;
    private readonly List<int> _entities = [];
    private int[] _disc = [], _low = [], _parent = [], _pos = [], _subAds = [], _sumSep = [], _maxSep = [], _sepChildren = [], _tree = [];

    public CohesionAnalyzer(BipartiteGraph graph, EntityWeights weights, WeakLinkIndex weak, double joinSimilarity, bool textJoins = true)
    {
        _graph = graph;
        _weight = weights.Weight;
        _weak = weak;
        _joinSimilarity = joinSimilarity;
        _textJoins = textJoins;
        _scope = new ComponentScope(graph, _weight);
        _entityLocal = new int[graph.EntityCount];
        Array.Fill(_entityLocal, -1);
    }

    /// <summary>Analyses the ads <paramref name="ads"/> (dense indexes, ascending).</summary>
    public (double Cohesion, IReadOnlyList<ClusterBridge> Bridges) Analyze(ReadOnlySpan<int> ads, int maxBridges)
    {
        var n = ads.Length;
        if (n <= 1)
        {
            return (1.0, []);
        }

        Prepare(ads);
        var total = n + _entities.Count;
        Grow(total);
        var trees = 0;
        int bestTree = 0, secondTree = 0;
        var timer = 0;
        var stack = new Stack<int>();
        for (var root = 0; root < n; root++)
        {
            if (_disc[root] != 0)
            {
                continue;
            }

            Visit(ads, n, root, stack, ref timer);
            var treeAds = _subAds[root];
            if (treeAds > bestTree)
            {
                (bestTree, secondTree) = (treeAds, bestTree);
            }
            else if (treeAds > secondTree)
            {
                secondTree = treeAds;
            }

            trees++;
        }

        var maxCut = n - bestTree;
        var cuts = new List<(int Node, int Cut)>();
        for (var x = 0; x < total; x++)
        {
            var isRoot = _parent[x] < 0;
            if (_sepChildren[x] < (isRoot ? 2 : 1))
            {
                continue;
            }

            var isAd = x < n ? 1 : 0;
            // Largest other tree: the best one, unless x sits in it (then the second best).
            var treeAds = _subAds[_tree[x]];
            var other = treeAds == bestTree ? secondTree : bestTree;
            var remaining = treeAds - isAd;
            var maxPiece = Math.Max(_maxSep[x], remaining - _sumSep[x]);
            var cut = n - isAd - Math.Max(maxPiece, other);
            if (cut > 0)
            {
                cuts.Add((x, cut));
                maxCut = Math.Max(maxCut, cut);
            }
        }

        cuts.Sort((a, b) => a.Cut != b.Cut ? b.Cut.CompareTo(a.Cut) : a.Node.CompareTo(b.Node));
        var bridges = new List<ClusterBridge>(Math.Min(maxBridges, cuts.Count));
        foreach (var (x, cut) in cuts.Take(maxBridges))
        {
            bridges.Add(x < n
                ? new ClusterBridge(BridgeNodeKind.Ad, ads[x], _graph.Incidence.AdKeys[ads[x]], cut)
                : new ClusterBridge(BridgeNodeKind.Entity, _entities[x - n], _graph.EntityLabel(_entities[x - n]), cut));
        }

        Reset(ads, total);
        return (1.0 - ((double)maxCut / n), bridges);
    }

    private void Visit(ReadOnlySpan<int> ads, int n, int root, Stack<int> stack, ref int timer)
    {
        _disc[root] = _low[root] = ++timer;
        _parent[root] = -1;
        _subAds[root] = 1;
        _tree[root] = root;
        stack.Push(root);
        while (stack.Count > 0)
        {
            var x = stack.Peek();
            var y = NextNeighbour(ads, n, x);
            if (y >= 0)
            {
                if (_disc[y] == 0)
                {
                    _parent[y] = x;
                    _disc[y] = _low[y] = ++timer;
                    _subAds[y] = y < n ? 1 : 0;
                    _tree[y] = root;
                    stack.Push(y);
                }
                else if (y != _parent[x])
                {
                    _low[x] = Math.Min(_low[x], _disc[y]);
                }

                continue;
            }

            stack.Pop();
            var p = _parent[x];
            if (p >= 0)
            {
                _low[p] = Math.Min(_low[p], _low[x]);
                _subAds[p] += _subAds[x];
                if (_low[x] >= _disc[p])
                {
                    _sumSep[p] += _subAds[x];
                    _maxSep[p] = Math.Max(_maxSep[p], _subAds[x]);
                    _sepChildren[p]++;
                }
            }
        }
    }

    /// <summary>The next unvisited-or-not neighbour of local node <paramref name="x"/>, or −1 when exhausted.</summary>
    private int NextNeighbour(ReadOnlySpan<int> ads, int n, int x)
    {
        if (x < n)
        {
            var ad = ads[x];
            var entities = _graph.EntitiesOf(ad);
            while (_pos[x] < entities.Length)
            {
                var local = _entityLocal[entities[_pos[x]++]];
                if (local >= 0)
                {
                    return local;
                }
            }

            var weak = _weak.LinksOf(ad);
            while (_pos[x] - entities.Length < weak.Length)
            {
                var link = weak[_pos[x]++ - entities.Length];
                var other = _scope.LocalOf(_weak.Other(link, ad));
                if (other >= 0 && _weak.Links[link].Similarity >= _joinSimilarity && (_textJoins || _weak.Links[link].Kind != WeakLinkKind.TextNearDuplicate))
                {
                    return other;
                }
            }

            return -1;
        }

        var entityAds = _graph.AdsOf(_entities[x - n]);
        while (_pos[x] < entityAds.Length)
        {
            var local = _scope.LocalOf(entityAds[_pos[x]++]);
            if (local >= 0)
            {
                return local;
            }
        }

        return -1;
    }

    private void Prepare(ReadOnlySpan<int> ads)
    {
        _entities.Clear();
        _scope.Enter(ads);
        foreach (var e in _scope.Entities)
        {
            if (_scope.CountOf(e) >= 2)
            {
                _entityLocal[e] = ads.Length + _entities.Count;
                _entities.Add(e);
            }
        }
    }

    private void Reset(ReadOnlySpan<int> ads, int total)
    {
        foreach (var e in _entities)
        {
            _entityLocal[e] = -1;
        }

        _scope.Leave(ads);

        foreach (var a in new[] { _disc, _low, _pos, _subAds, _sumSep, _maxSep, _sepChildren, _tree })
        {
            Array.Clear(a, 0, total);
        }

        Array.Fill(_parent, 0, 0, total);
    }

    private void Grow(int total)
    {
        if (_disc.Length >= total)
        {
            return;
        }

        var size = Math.Max(total, _disc.Length * 2);
        _disc = new int[size];
        _low = new int[size];
        _parent = new int[size];
        _pos = new int[size];
        _subAds = new int[size];
        _sumSep = new int[size];
        _maxSep = new int[size];
        _sepChildren = new int[size];
        _tree = new int[size];
    }
}
