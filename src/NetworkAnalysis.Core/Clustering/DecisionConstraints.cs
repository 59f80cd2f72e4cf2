using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Applies the must-link groups and separations of <see cref="ClusteringDecisions"/> to components and parts.</summary>
/// <remarks>
/// A must-link group is joined in the union-find (so its ads share a component) and Leiden parts holding its ads are
/// put back together. A separation whose two sides both lie in one piece of a component cuts that piece between them:
/// a breadth-first search from both sides at once over the links clustering uses (non-hub strong identifiers, joining
/// weak links, must-link groups taken whole) gives every ad to the side that reaches it first (side A on ties), so the
/// cut falls midway between the sides; each side, and the ads neither reaches, is then split into its connected pieces.
/// Everything depends only on the component's own ads and the decisions touching them, so incremental and full
/// analyses agree. Deterministic.
/// </remarks>
internal sealed class DecisionConstraints
{
    private readonly BipartiteGraph _graph;
    private readonly HubReport _hubs;
    private readonly WeakLinkIndex _weak;
    private readonly ClusteringOptions _options;
    private readonly int[] _group;
    private readonly List<int[]> _groups = [];
    private readonly List<(int[] A, int[] B)> _separations = [];
    private readonly Dictionary<int, List<int>> _separationsOfAd = [];
    private readonly int[] _mark;
    private readonly int[] _label;
    private readonly int[] _entityStamp;
    private int _token;

    private DecisionConstraints(BipartiteGraph graph, HubReport hubs, WeakLinkIndex weak, ClusteringOptions options, ClusteringDecisions decisions)
    {
        (_graph, _hubs, _weak, _options) = (graph, hubs, weak, options);
        var n = graph.AdCount;
        _group = new int[n];
        Array.Fill(_group, -1);
        _mark = new int[n];
        _label = new int[n];
        _entityStamp = new int[graph.EntityCount];
        var uf = new UnionFind(n);
        var grouped = new bool[n];
        foreach (var group in decisions.MustLink)
        {
            var valid = group.Where(a => (uint)a < (uint)n).ToArray();
            for (var i = 1; i < valid.Length; i++)
            {
                uf.Union(valid[0], valid[i]);
            }

            foreach (var a in valid)
            {
                grouped[a] = true;
            }
        }

        // Overlapping groups (merge A+B, then merge B+C) are one group.
        var groupOfRoot = new Dictionary<int, List<int>>();
        for (var a = 0; a < n; a++)
        {
            if (grouped[a])
            {
                var root = uf.Find(a);
                if (!groupOfRoot.TryGetValue(root, out var members))
                {
                    groupOfRoot[root] = members = [];
                    _groups.Add([]);
                }

                members.Add(a);
            }
        }

        var index = 0;
        foreach (var members in groupOfRoot.Values)
        {
            _groups[index] = [.. members];
            foreach (var a in members)
            {
                _group[a] = index;
            }

            index++;
        }

        foreach (var separation in decisions.Separations)
        {
            var a = separation.SideA.Where(x => (uint)x < (uint)n).Distinct().Order().ToArray();
            var b = separation.SideB.Where(x => (uint)x < (uint)n).Distinct().Order().ToArray();
            if (a.Length == 0 || b.Length == 0)
            {
                continue;
            }

            var number = _separations.Count;
            _separations.Add((a, b));
            foreach (var ad in a.Concat(b))
            {
                if (!_separationsOfAd.TryGetValue(ad, out var list))
                {
                    _separationsOfAd[ad] = list = [];
                }

                if (list.Count == 0 || list[^1] != number)
                {
                    list.Add(number);
                }
            }
        }
    }

    /// <summary>The constraints of <paramref name="decisions"/>, or null when it has no must-link group or separation.</summary>
    public static DecisionConstraints? Create(BipartiteGraph graph, HubReport hubs, WeakLinkIndex weak, ClusteringOptions options, ClusteringDecisions? decisions)
        => decisions is null || (decisions.MustLink.Count == 0 && decisions.Separations.Count == 0)
            ? null
            : new DecisionConstraints(graph, hubs, weak, options, decisions);

    /// <summary>Joins each must-link group in <paramref name="uf"/>.</summary>
    public void Join(UnionFind uf)
    {
        foreach (var group in _groups)
        {
            for (var i = 1; i < group.Length; i++)
            {
                uf.Union(group[0], group[i]);
            }
        }
    }

    /// <summary>The pieces a component must be cut into so that no separation has both sides in one piece; null when none applies.</summary>
    public List<int[]>? Separate(ReadOnlySpan<int> ads)
    {
        var relevant = new SortedSet<int>();
        foreach (var a in ads)
        {
            if (_separationsOfAd.TryGetValue(a, out var list))
            {
                relevant.UnionWith(list);
            }
        }

        if (relevant.Count == 0)
        {
            return null;
        }

        var pieces = new List<int[]> { ads.ToArray() };
        var changed = false;
        foreach (var s in relevant)
        {
            var (sideA, sideB) = _separations[s];
            var next = new List<int[]>(pieces.Count + 2);
            foreach (var piece in pieces)
            {
                var token = Mark(piece);
                var a = sideA.Where(x => _mark[x] == token).ToArray();
                var b = sideB.Where(x => _mark[x] == token && Array.BinarySearch(sideA, x) < 0).ToArray();
                if (a.Length == 0 || b.Length == 0)
                {
                    next.Add(piece);
                    continue;
                }

                changed = true;
                next.AddRange(Cut(piece, a, b));
            }

            pieces = next;
        }

        return changed ? pieces : null;
    }

    /// <summary>Parts (of one piece) holding ads of one must-link group put back together; the input when nothing joins.</summary>
    public List<int[]> Rejoin(List<int[]> parts)
    {
        if (_groups.Count == 0 || parts.Count < 2)
        {
            return parts;
        }

        var uf = new UnionFind(parts.Count);
        var partOfGroup = new Dictionary<int, int>();
        var joined = false;
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var a in parts[p])
            {
                var g = _group[a];
                if (g < 0)
                {
                    continue;
                }

                if (partOfGroup.TryGetValue(g, out var other))
                {
                    joined |= uf.Union(other, p);
                }
                else
                {
                    partOfGroup[g] = p;
                }
            }
        }

        if (!joined)
        {
            return parts;
        }

        var byRoot = new Dictionary<int, List<int>>();
        var order = new List<List<int>>();
        for (var p = 0; p < parts.Count; p++)
        {
            var root = uf.Find(p);
            if (!byRoot.TryGetValue(root, out var merged))
            {
                byRoot[root] = merged = [];
                order.Add(merged);
            }

            merged.AddRange(parts[p]);
        }

        return order.Select(m => m.Order().ToArray()).ToList();
    }

    private int Mark(ReadOnlySpan<int> ads)
    {
        var token = ++_token;
        foreach (var a in ads)
        {
            _mark[a] = token;
        }

        return token;
    }

    /// <summary>Cuts <paramref name="piece"/> between sides <paramref name="a"/> and <paramref name="b"/> (see remarks).</summary>
    private List<int[]> Cut(int[] piece, int[] a, int[] b)
    {
        var token = Mark(piece);
        foreach (var x in piece)
        {
            _label[x] = -1;
        }

        var queue = new Queue<int>();
        foreach (var x in a)
        {
            Claim(x, 0, token, queue);
        }

        foreach (var x in b)
        {
            if (_label[x] < 0)
            {
                Claim(x, 1, token, queue);
            }
        }

        Spread(queue, token);
        var result = new List<int[]>();
        foreach (var side in new[] { 0, 1, -1 })
        {
            var members = piece.Where(x => _label[x] == side).ToArray();
            if (members.Length > 0)
            {
                result.AddRange(Connected(members));
            }
        }

        return result;
    }

    /// <summary>The connected pieces of <paramref name="members"/> (ascending) over the links clustering uses.</summary>
    private List<int[]> Connected(int[] members)
    {
        var token = Mark(members);
        foreach (var x in members)
        {
            _label[x] = -1;
        }

        var result = new List<int[]>();
        var queue = new Queue<int>();
        var next = 0;
        foreach (var start in members)
        {
            if (_label[start] >= 0)
            {
                continue;
            }

            Claim(start, next, token, queue);
            Spread(queue, token);
            var label = next++;
            result.Add(members.Where(x => _label[x] == label).ToArray());
        }

        return result;
    }

    private void Claim(int ad, int label, int token, Queue<int> queue)
    {
        _label[ad] = label;
        queue.Enqueue(ad);
        if (_group[ad] >= 0)
        {
            foreach (var other in _groups[_group[ad]])
            {
                if (_mark[other] == token && _label[other] < 0)
                {
                    _label[other] = label;
                    queue.Enqueue(other);
                }
            }
        }
    }

    private void Spread(Queue<int> queue, int token)
    {
        var types = _graph.Incidence.EntityTypes;
        while (queue.TryDequeue(out var ad))
        {
            var label = _label[ad];
            foreach (var e in _graph.EntitiesOf(ad))
            {
                if (_entityStamp[e] == token || _hubs.IsHub(e) || !types[e].IsStrongLink())
                {
                    continue;
                }

                _entityStamp[e] = token;
                foreach (var other in _graph.AdsOf(e))
                {
                    if (_mark[other] == token && _label[other] < 0)
                    {
                        Claim(other, label, token, queue);
                    }
                }
            }

            foreach (var link in _weak.LinksOf(ad))
            {
                var w = _weak.Links[link];
                if (w.Similarity < _options.WeakJoinSimilarity || (!_options.TextJoins && w.Kind == WeakLinkKind.TextNearDuplicate))
                {
                    continue;
                }

                var other = _weak.Other(link, ad);
                if (_mark[other] == token && _label[other] < 0)
                {
                    Claim(other, label, token, queue);
                }
            }
        }
    }
}
