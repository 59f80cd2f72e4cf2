namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>An undirected weighted graph in compressed sparse row form: the input of <see cref="LeidenClusterer"/>.</summary>
/// <remarks>
/// Each undirected edge {u, v} is stored twice (u→v and v→u); a self-loop of weight w is stored once as v→v with
/// weight 2w, so a node's strength is the sum of its row. Rows are ascending by target with duplicates merged.
/// </remarks>
public sealed class WeightedGraph
{
    internal WeightedGraph(int[] offsets, int[] targets, double[] weights)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
    }

    /// <summary>Start of each node's row; length nodes + 1.</summary>
    public int[] Offsets { get; }

    /// <summary>Neighbour of each entry.</summary>
    public int[] Targets { get; }

    /// <summary>Weight of each entry (positive).</summary>
    public double[] Weights { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => Offsets.Length - 1;

    /// <summary>Number of stored entries (twice the undirected edges, self-loops once).</summary>
    public int EntryCount => Targets.Length;

    /// <summary>Sum of a node's row (its weighted degree).</summary>
    public double Strength(int node)
    {
        var s = 0.0;
        for (var k = Offsets[node]; k < Offsets[node + 1]; k++)
        {
            s += Weights[k];
        }

        return s;
    }

    /// <summary>Builds a graph from an undirected edge list; parallel edges are summed.</summary>
    /// <param name="nodeCount">Number of nodes (0..nodeCount-1).</param>
    /// <param name="sources">One end of each edge.</param>
    /// <param name="targets">The other end.</param>
    /// <param name="weights">Edge weights (positive); null means 1 each.</param>
    /// <exception cref="ArgumentException">Lengths differ, an end is out of range, or a weight is not positive.</exception>
    public static WeightedGraph FromEdges(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (sources.Length != targets.Length || (!weights.IsEmpty && weights.Length != sources.Length))
        {
            throw new ArgumentException("edge arrays differ in length", nameof(targets));
        }

        var offsets = new int[nodeCount + 1];
        for (var i = 0; i < sources.Length; i++)
        {
            int u = sources[i], v = targets[i];
            if ((uint)u >= (uint)nodeCount || (uint)v >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge {i} ({u}, {v}) is outside 0..{nodeCount - 1}", nameof(sources));
            }

            if (!weights.IsEmpty && !(weights[i] > 0))
            {
                throw new ArgumentException($"edge {i} has non-positive weight {weights[i]}", nameof(weights));
            }

            offsets[u + 1]++;
            if (u != v)
            {
                offsets[v + 1]++;
            }
        }

        for (var n = 0; n < nodeCount; n++)
        {
            offsets[n + 1] += offsets[n];
        }

        var tgt = new int[offsets[nodeCount]];
        var wgt = new double[tgt.Length];
        var cursor = (int[])offsets.Clone();
        for (var i = 0; i < sources.Length; i++)
        {
            int u = sources[i], v = targets[i];
            var w = weights.IsEmpty ? 1.0 : weights[i];
            if (u == v)
            {
                tgt[cursor[u]] = u;
                wgt[cursor[u]++] = 2 * w;
                continue;
            }

            tgt[cursor[u]] = v;
            wgt[cursor[u]++] = w;
            tgt[cursor[v]] = u;
            wgt[cursor[v]++] = w;
        }

        return Compact(offsets, tgt, wgt);
    }

    /// <summary>Sorts each row by target and sums duplicates, in place; returns the compacted graph.</summary>
    internal static WeightedGraph Compact(int[] offsets, int[] targets, double[] weights)
    {
        var n = offsets.Length - 1;
        var write = 0;
        var newOffsets = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            int start = offsets[u], end = offsets[u + 1];
            Array.Sort(targets, weights, start, end - start);
            newOffsets[u] = write;
            for (var k = start; k < end; k++)
            {
                if (write > newOffsets[u] && targets[write - 1] == targets[k])
                {
                    weights[write - 1] += weights[k];
                    continue;
                }

                targets[write] = targets[k];
                weights[write++] = weights[k];
            }
        }

        newOffsets[n] = write;
        if (write != targets.Length)
        {
            Array.Resize(ref targets, write);
            Array.Resize(ref weights, write);
        }

        return new WeightedGraph(newOffsets, targets, weights);
    }
}
