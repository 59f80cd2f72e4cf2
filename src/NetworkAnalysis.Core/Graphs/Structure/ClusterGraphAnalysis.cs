using QuikGraph;
using QuikGraph.Algorithms.MaximumFlow;
using QuikGraph.Algorithms.Search;

namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>What investigators ask about one cluster, answered with QuikGraph on its <see cref="ClusterGraph"/>.</summary>
/// <remarks>
/// <see cref="LinkStrength"/>: Edmonds–Karp maximum flow between two ads, every mention and weak link an undirected
/// edge of capacity 1, so the flow counts edge-disjoint evidence paths (Menger) and the residual graph gives a
/// minimum cut. <see cref="Structure"/>: Tarjan's low-link over QuikGraph's undirected depth-first search finds the
/// articulation points (cut vertices) and bridges (cut edges) in one pass, linear in the cluster's size.
/// </remarks>
public static class ClusterGraphAnalysis
{
    /// <summary>How many edge-disjoint evidence paths join two ads, and which mentions/identifiers the link hangs on.</summary>
    /// <param name="graph">The cluster graph.</param>
    /// <param name="adA">Key of one ad.</param>
    /// <param name="adB">Key of the other ad.</param>
    /// <exception cref="ArgumentException">An ad is not in the graph, or both are the same ad.</exception>
    public static LinkStrength LinkStrength(ClusterGraph graph, string adA, string adB)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var source = graph.FindAd(adA) ?? throw new ArgumentException($"ad {adA} is not in the cluster graph", nameof(adA));
        var sink = graph.FindAd(adB) ?? throw new ArgumentException($"ad {adB} is not in the cluster graph", nameof(adB));
        if (ReferenceEquals(source, sink))
        {
            throw new ArgumentException("the two ads are the same", nameof(adB));
        }

        // One arc pair per adjacent node pair; parallel edges (an image and a text near-duplicate of the same two ads)
        // add up in the capacity. QuikGraph's reversed-edge augmentor pairs u→v with v→u, which is the undirected model.
        var flowGraph = new BidirectionalGraph<ClusterNode, Arc>(allowParallelEdges: false);
        flowGraph.AddVertexRange(graph.Ads);
        flowGraph.AddVertexRange(graph.Identifiers);
        var capacity = new Dictionary<Arc, double>();
        var arcs = new Dictionary<(ClusterNode, ClusterNode), Arc>();
        foreach (var edge in graph.Edges)
        {
            foreach (var (from, to) in new[] { (edge.Source, edge.Target), (edge.Target, edge.Source) })
            {
                if (!arcs.TryGetValue((from, to), out var arc))
                {
                    arcs[(from, to)] = arc = new Arc(from, to);
                    flowGraph.AddEdge(arc);
                    capacity[arc] = 0;
                }

                capacity[arc]++;
            }
        }

        EdgeFactory<ClusterNode, Arc> factory = (s, t) => new Arc(s, t);
        var augmentor = new ReversedEdgeAugmentorAlgorithm<ClusterNode, Arc>(flowGraph, factory);
        augmentor.AddReversedEdges();
        var flow = new EdmondsKarpMaximumFlowAlgorithm<ClusterNode, Arc>(flowGraph, a => capacity.GetValueOrDefault(a), factory, augmentor);
        flow.Compute(source, sink);
        var paths = (int)Math.Round(flow.MaxFlow);

        // Minimum cut: the edges from the nodes the source still reaches in the residual graph to the others.
        var reached = new HashSet<ClusterNode> { source };
        var queue = new Queue<ClusterNode>([source]);
        while (queue.Count > 0)
        {
            foreach (var arc in flowGraph.OutEdges(queue.Dequeue()))
            {
                if (flow.ResidualCapacities[arc] > 0 && reached.Add(arc.Target))
                {
                    queue.Enqueue(arc.Target);
                }
            }
        }

        augmentor.RemoveReversedEdges();
        var cut = paths == 0 ? [] : graph.Edges.Where(e => reached.Contains(e.Source) != reached.Contains(e.Target)).ToList();
        var identifiers = cut.Where(e => !e.IsWeak).Select(e => e.Target).Distinct().OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
        return new LinkStrength(source.Label, sink.Label, paths, cut, identifiers);
    }

    /// <summary>The articulation points and bridges of the cluster graph, with how many ads each holds to the rest.</summary>
    /// <param name="graph">The cluster graph.</param>
    public static ClusterStructure Structure(ClusterGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var g = graph.ToQuikGraph();
        var tarjan = new Tarjan();
        var dfs = new UndirectedDepthFirstSearchAlgorithm<ClusterNode, ClusterEdge>(g);
        dfs.StartVertex += tarjan.Start;
        dfs.DiscoverVertex += tarjan.Discover;
        dfs.TreeEdge += tarjan.Tree;
        dfs.BackEdge += tarjan.Back;
        dfs.FinishVertex += tarjan.Finish;
        // QuikGraph's depth-first search recurses once per tree level: give it a stack sized to the graph.
        var nodes = graph.Ads.Count + graph.Identifiers.Count;
        var thread = new Thread(() => dfs.Compute(), maxStackSize: (int)Math.Clamp(nodes * 1024L, 1 << 20, 1 << 30));
        thread.Start();
        thread.Join();
        return tarjan.Result(graph);
    }

    /// <summary>An arc of the flow network (reference identity, as QuikGraph's flow maps key on it).</summary>
    private sealed class Arc(ClusterNode source, ClusterNode target) : IEdge<ClusterNode>
    {
        public ClusterNode Source { get; } = source;

        public ClusterNode Target { get; } = target;
    }

    /// <summary>Tarjan's low-link bookkeeping, fed by the depth-first search's events.</summary>
    private sealed class Tarjan
    {
        private readonly Dictionary<ClusterNode, int> _disc = [];
        private readonly Dictionary<ClusterNode, int> _low = [];
        private readonly Dictionary<ClusterNode, int> _below = [];
        private readonly Dictionary<ClusterNode, ClusterNode> _root = [];
        private readonly Dictionary<ClusterNode, ClusterEdge> _parentEdge = [];
        private readonly Dictionary<ClusterNode, (int Children, int Sum, int Max)> _separated = [];
        private readonly List<(ClusterEdge Edge, ClusterNode Child)> _bridges = [];
        private readonly List<ClusterNode> _roots = [];
        private ClusterNode? _currentRoot;
        private int _time;

        public void Start(ClusterNode v)
        {
            _currentRoot = v;
            _roots.Add(v);
        }

        public void Discover(ClusterNode v)
        {
            _disc[v] = _low[v] = ++_time;
            _below[v] = v.IsAd ? 1 : 0;
            _root[v] = _currentRoot!;
        }

        public void Tree(object sender, UndirectedEdgeEventArgs<ClusterNode, ClusterEdge> e) => _parentEdge[e.Target] = e.Edge;

        public void Back(object sender, UndirectedEdgeEventArgs<ClusterNode, ClusterEdge> e)
        {
            // The tree edge to the parent shows up as a back edge from the child; a parallel edge to the parent is a real one.
            if (!(_parentEdge.TryGetValue(e.Source, out var tree) && ReferenceEquals(tree, e.Edge)))
            {
                _low[e.Source] = Math.Min(_low[e.Source], _disc[e.Target]);
            }
        }

        public void Finish(ClusterNode v)
        {
            if (!_parentEdge.TryGetValue(v, out var edge))
            {
                return;
            }

            var p = ReferenceEquals(edge.Source, v) ? edge.Target : edge.Source;
            _low[p] = Math.Min(_low[p], _low[v]);
            _below[p] += _below[v];
            if (_low[v] >= _disc[p])
            {
                var s = _separated.GetValueOrDefault(p);
                _separated[p] = (s.Children + 1, s.Sum + _below[v], Math.Max(s.Max, _below[v]));
            }

            if (_low[v] > _disc[p])
            {
                _bridges.Add((edge, v));
            }
        }

        public ClusterStructure Result(ClusterGraph graph)
        {
            var n = graph.Ads.Count;
            var trees = _roots.Select(r => _below[r]).OrderDescending().ToList();
            var best = trees.Count > 0 ? trees[0] : 0;
            var second = trees.Count > 1 ? trees[1] : 0;
            int Other(ClusterNode v) => _below[_root[v]] == best ? second : best;
            var points = new List<ClusterCutPoint>();
            foreach (var (x, s) in _separated)
            {
                var isRoot = !_parentEdge.ContainsKey(x);
                if (s.Children < (isRoot ? 2 : 1))
                {
                    continue;
                }

                var isAd = x.IsAd ? 1 : 0;
                var rest = _below[_root[x]] - isAd - s.Sum;
                var cut = n - isAd - Math.Max(Math.Max(s.Max, rest), Other(x));
                if (cut > 0)
                {
                    points.Add(new ClusterCutPoint(x, cut));
                }
            }

            var bridges = new List<ClusterCutLink>();
            foreach (var (edge, child) in _bridges)
            {
                var below = _below[child];
                var cut = n - Math.Max(Math.Max(below, _below[_root[child]] - below), Other(child));
                bridges.Add(new ClusterCutLink(edge, cut));
            }

            points.Sort((a, b) => a.AdsCutOff != b.AdsCutOff ? b.AdsCutOff.CompareTo(a.AdsCutOff)
                : a.Node.Kind != b.Node.Kind ? b.Node.Kind.CompareTo(a.Node.Kind)
                : string.CompareOrdinal(a.Node.Label, b.Node.Label));
            var sorted = bridges.OrderByDescending(b => b.AdsCutOff).ThenBy(b => b.Edge.ToString(), StringComparer.Ordinal).ToList();
            return new ClusterStructure(n, graph.Identifiers.Count, graph.Edges.Count, _roots.Count, points, sorted);
        }
    }
}
