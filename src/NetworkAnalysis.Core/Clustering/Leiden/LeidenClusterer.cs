namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Weighted Leiden community detection (Traag, Waltman &amp; van Eck 2019, doi:10.1038/s41598-019-41695-z).</summary>
/// <remarks>
/// Fast local moving, refinement (communities are guaranteed connected) and aggregation on the refined partition,
/// repeated until an iteration changes nothing. Deterministic for a given seed: all randomness comes from one
/// <see cref="Random"/> seeded from <see cref="LeidenOptions.Seed"/>, and ties go to the first candidate in node order.
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

        var iterations = 0;
        while (iterations < Math.Max(1, options.MaxIterations))
        {
            ct.ThrowIfCancellationRequested();
            iterations++;
            var next = Iterate(graph, nodeWeight, penalty, membership, options.Randomness, rng, ct);
            var changed = !SamePartition(membership, next);
            membership = next;
            if (!changed)
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
        var internalWeight = new Dictionary<int, double>();
        var total = new Dictionary<int, double>();
        var nodeWeight = NodeWeights(graph, options.Quality, nodeSizes);
        var twoM = 0.0;
        for (var u = 0; u < n; u++)
        {
            var cu = membership[u];
            total[cu] = total.GetValueOrDefault(cu) + nodeWeight[u];
            for (var k = graph.Offsets[u]; k < graph.Offsets[u + 1]; k++)
            {
                twoM += graph.Weights[k];
                if (membership[graph.Targets[k]] == cu)
                {
                    internalWeight[cu] = internalWeight.GetValueOrDefault(cu) + graph.Weights[k];
                }
            }
        }

        var q = 0.0;
        foreach (var (c, size) in total)
        {
            var inside = internalWeight.GetValueOrDefault(c);
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

    /// <summary>One Leiden iteration from <paramref name="start"/>; returns the new membership of the original nodes.</summary>
    private static int[] Iterate(WeightedGraph original, double[] originalWeight, double penalty, int[] start, double theta, Random rng, CancellationToken ct)
    {
        var g = original;
        var nodeWeight = originalWeight;
        var community = (int[])start.Clone();
        var level = new int[original.NodeCount];
        for (var i = 0; i < level.Length; i++)
        {
            level[i] = i;
        }

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            MoveNodesFast(g, nodeWeight, penalty, community, rng);
            var communities = Renumber(community);
            if (communities == g.NodeCount)
            {
                break;
            }

            var refined = Refine(g, nodeWeight, penalty, community, communities, theta, rng);
            var refinedCount = Renumber(refined);
            if (refinedCount == g.NodeCount)
            {
                break;
            }

            var aggregateCommunity = new int[refinedCount];
            for (var u = 0; u < g.NodeCount; u++)
            {
                aggregateCommunity[refined[u]] = community[u];
            }

            (g, nodeWeight) = Aggregate(g, nodeWeight, refined, refinedCount);
            for (var i = 0; i < level.Length; i++)
            {
                level[i] = refined[level[i]];
            }

            community = aggregateCommunity;
        }

        var membership = new int[original.NodeCount];
        for (var i = 0; i < membership.Length; i++)
        {
            membership[i] = community[level[i]];
        }

        return membership;
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

    private static bool SamePartition(int[] a, int[] b)
    {
        var x = (int[])a.Clone();
        var y = (int[])b.Clone();
        Renumber(x);
        Renumber(y);
        return x.AsSpan().SequenceEqual(y);
    }
}
