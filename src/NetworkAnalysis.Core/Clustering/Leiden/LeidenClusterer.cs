namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Weighted Leiden community detection (Traag, Waltman &amp; van Eck 2019, doi:10.1038/s41598-019-41695-z).</summary>
/// <remarks>
/// Fast local moving, refinement (communities are guaranteed connected) and aggregation on the refined partition,
/// repeated until an iteration gains less than <see cref="LeidenOptions.Tolerance"/>. Nodes are visited in random order
/// within blocks of 4,096 consecutive nodes (a full shuffle on small graphs; on a million-node graph the memory locality
/// makes local moving about five times faster than a full shuffle). Deterministic for a given seed: all randomness
/// comes from one <see cref="Random"/> seeded from <see cref="LeidenOptions.Seed"/>, and ties go to the first candidate.
/// Memory is a few arrays per level, O(nodes + entries).
/// </remarks>
public static partial class LeidenClusterer
{
    /// <summary>Partitions <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="options">Quality function, resolution, seed.</param>
    /// <param name="nodeSizes">Size of each node for CPM (null means 1 each); ignored for modularity.</param>
    /// <param name="ct">Cancellation, checked between passes.</param>
    public static LeidenResult Run(WeightedGraph graph, LeidenOptions options, double[]? nodeSizes = null, CancellationToken ct = default)
        => Run(graph, options, nodeSizes, computeQuality: true, ct);

    /// <summary>As the public overload; <paramref name="computeQuality"/> false skips the final quality (reported as NaN).</summary>
    internal static LeidenResult Run(WeightedGraph graph, LeidenOptions options, double[]? nodeSizes, bool computeQuality, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Resolution);
        var n = graph.NodeCount;
        var nodeWeight = NodeWeights(graph, options.Quality, nodeSizes);
        var penalty = Penalty(graph, options, nodeWeight);
        var rng = new Random(options.Seed);
        var membership = new int[n];
        for (var i = 0; i < n; i++)
        {
            membership[i] = i;
        }

        // Iteration 1 visits every node and refines every community. Later iterations start from the previous
        // partition and only revisit what can have changed: nodes of communities whose make-up changed after the
        // previous iteration's first level (their gains changed) and their neighbours; communities no node of which
        // is revisited or moved stay whole (not refined again). Converged when an iteration's moves gain at most
        // Tolerance × total weight (Tolerance 0: when no node moves at any level, igraph's "until stable" test); a move
        // must beat staying by a relative 1e-12 so that floating-point ties cannot keep the loop going.
        var dirty = new bool[n];
        Array.Fill(dirty, true);
        var workspace = new Workspace(n);
        var totalWeight = 0.0;
        foreach (var w in graph.Weights)
        {
            totalWeight += w;
        }

        var iterations = 0;
        while (iterations < Math.Max(1, options.MaxIterations))
        {
            ct.ThrowIfCancellationRequested();
            iterations++;
            var improvement = Iterate(graph, nodeWeight, penalty, membership, dirty, options.Randomness, rng, workspace, ct);
            if (improvement <= options.Tolerance * totalWeight)
            {
                break;
            }
        }

        var count = Renumber(membership);
        return new LeidenResult(membership, count, computeQuality ? Quality(graph, membership, options, nodeSizes) : double.NaN, iterations);
    }

    /// <summary>The quality of a partition under <paramref name="options"/>' quality function and resolution.</summary>
    public static double Quality(WeightedGraph graph, int[] membership, LeidenOptions options, double[]? nodeSizes = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(options);
        var n = graph.NodeCount;
        var labels = (int[])membership.Clone();
        var count = labels.Length == 0 ? 0 : Renumber(labels);
        var internalWeight = new double[count];
        var total = new double[count];
        var nodeWeight = NodeWeights(graph, options.Quality, nodeSizes);
        var twoM = 0.0;
        for (var u = 0; u < n; u++)
        {
            var cu = labels[u];
            total[cu] += nodeWeight[u];
            for (var k = graph.Offsets[u]; k < graph.Offsets[u + 1]; k++)
            {
                twoM += graph.Weights[k];
                if (labels[graph.Targets[k]] == cu)
                {
                    internalWeight[cu] += graph.Weights[k];
                }
            }
        }

        var q = 0.0;
        for (var c = 0; c < count; c++)
        {
            var inside = internalWeight[c];
            var size = total[c];
            q += options.Quality == LeidenQuality.Modularity
                ? inside - (options.Resolution * size * size / Math.Max(twoM, double.Epsilon))
                : (inside / 2) - (options.Resolution * size * (size - 1) / 2);
        }

        return options.Quality == LeidenQuality.Modularity ? (twoM == 0 ? 0 : q / twoM) : q;
    }

    private static double[] NodeWeights(WeightedGraph graph, LeidenQuality quality, double[]? nodeSizes)
    {
        var n = graph.NodeCount;
        var w = new double[n];
        for (var u = 0; u < n; u++)
        {
            w[u] = quality == LeidenQuality.Modularity ? graph.Strength(u) : nodeSizes?[u] ?? 1.0;
        }

        return w;
    }

    /// <summary>The factor c in gain(v → C) = w(v, C) − c · w_v · W_C.</summary>
    private static double Penalty(WeightedGraph graph, LeidenOptions options, double[] nodeWeight)
    {
        if (options.Quality == LeidenQuality.Cpm)
        {
            return options.Resolution;
        }

        var twoM = 0.0;
        foreach (var w in nodeWeight)
        {
            twoM += w;
        }

        return twoM == 0 ? 0 : options.Resolution / twoM;
    }

    /// <summary>
    /// One Leiden iteration from <paramref name="membership"/>, updated in place. At the first level only nodes flagged in
    /// <paramref name="dirty"/> are queued and only communities holding a queued or moved node are refined; on return
    /// <paramref name="dirty"/> flags the nodes the next iteration must revisit. Returns whether any node moved.
    /// </summary>
    private static double Iterate(WeightedGraph original, double[] originalWeight, double penalty, int[] membership, bool[] dirty, double theta, Random rng, Workspace ws, CancellationToken ct)
    {
        var g = original;
        var nodeWeight = originalWeight;
        var n0 = original.NodeCount;
        var community = membership;
        var level = new int[n0];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = i;
        }

        var improvement = 0.0;
        var first = true;
        int[]? firstLevel = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            improvement += MoveNodesFast(g, nodeWeight, penalty, community, first ? dirty : null, rng, ws);
            var communities = Renumber(community);
            if (first)
            {
                firstLevel = (int[])community.Clone();
            }

            if (communities == g.NodeCount)
            {
                break;
            }

            // dirty now flags queued or moved nodes (first level only): refine just their communities.
            var refined = Refine(g, nodeWeight, penalty, community, communities, first ? dirty : null, theta, rng, ws);
            var refinedCount = Renumber(refined);
            first = false;
            if (refinedCount == g.NodeCount)
            {
                break;
            }

            var aggregateCommunity = new int[refinedCount];
            for (var u = 0; u < g.NodeCount; u++)
            {
                aggregateCommunity[refined[u]] = community[u];
            }

            (g, nodeWeight) = Aggregate(g, nodeWeight, refined, refinedCount, ws);
            for (var i = 0; i < level.Length; i++)
            {
                level[i] = refined[level[i]];
            }

            community = aggregateCommunity;
        }

        if (!ReferenceEquals(community, membership))
        {
            for (var i = 0; i < n0; i++)
            {
                membership[i] = community[level[i]];
            }
        }

        MarkDirty(original, firstLevel!, membership, dirty, ws);
        return improvement;
    }

    /// <summary>
    /// Flags the nodes whose best move may differ from staying after this iteration: members of every community whose
    /// make-up changed after the first level, and their neighbours. Every other node was locally optimal at the end of
    /// the first level, and neither its neighbours' communities nor those communities' weights have changed since.
    /// </summary>
    private static void MarkDirty(WeightedGraph g, int[] firstLevel, int[] final, bool[] dirty, Workspace ws)
    {
        var n = g.NodeCount;
        Array.Clear(dirty);
        // Communities are compared through the first-level label: a first-level community is unchanged when all its
        // nodes share one final label that no other first-level community uses.
        var finalOf = ws.IntA(n, -1);   // first-level label -> final label (or -2 when split)
        var firstOf = ws.IntB(n, -1);   // final label -> first-level label (or -2 when merged)
        for (var u = 0; u < n; u++)
        {
            int a = firstLevel[u], b = final[u];
            finalOf[a] = finalOf[a] == -1 ? b : finalOf[a] == b ? b : -2;
            firstOf[b] = firstOf[b] == -1 ? a : firstOf[b] == a ? a : -2;
        }

        var any = false;
        for (var u = 0; u < n; u++)
        {
            if (finalOf[firstLevel[u]] == -2 || firstOf[final[u]] == -2 || firstOf[final[u]] != firstLevel[u])
            {
                dirty[u] = true;
                any = true;
            }
        }

        if (!any)
        {
            return;
        }

        var seed = ws.BoolA(n);
        Array.Copy(dirty, seed, n);
        for (var u = 0; u < n; u++)
        {
            if (!seed[u])
            {
                continue;
            }

            for (var k = g.Offsets[u]; k < g.Offsets[u + 1]; k++)
            {
                dirty[g.Targets[k]] = true;
            }
        }
    }

    /// <summary>Renumbers labels to 0..k-1 in order of first appearance; returns k.</summary>
    internal static int Renumber(int[] labels)
    {
        var max = -1;
        foreach (var l in labels)
        {
            max = Math.Max(max, l);
        }

        var map = new int[max + 1];
        Array.Fill(map, -1);
        var next = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            ref var m = ref map[labels[i]];
            if (m < 0)
            {
                m = next++;
            }

            labels[i] = m;
        }

        return next;
    }

    /// <summary>Scratch arrays reused across iterations and levels (sized for the original graph).</summary>
    private sealed class Workspace(int n)
    {
        private readonly int[] _intA = new int[n];
        private readonly int[] _intB = new int[n];
        private readonly bool[] _boolA = new bool[n];

        public int[] Queue { get; } = new int[n];

        public bool[] InQueue { get; } = new bool[n];

        public double[] Accumulator { get; } = new double[n];

        public int[] Seen { get; } = new int[n];

        public double[] CommunityWeight { get; } = new double[n];

        public int[] CommunityCount { get; } = new int[n];

        public List<int> Touched { get; } = [];

        public int[] IntA(int length, int fill)
        {
            var a = _intA.AsSpan(0, length);
            a.Fill(fill);
            return _intA;
        }

        public int[] IntB(int length, int fill)
        {
            _intB.AsSpan(0, length).Fill(fill);
            return _intB;
        }

        public bool[] BoolA(int length)
        {
            Array.Clear(_boolA, 0, length);
            return _boolA;
        }
    }
}
