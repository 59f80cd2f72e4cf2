namespace NetworkAnalysis.Reporting.Layout;

/// <summary>An undirected weighted graph over dense node indexes <c>0..NodeCount-1</c>, the input of a layout.</summary>
public sealed class LayoutGraph
{
    /// <summary>Creates a graph; edges whose ends are out of range or equal are rejected.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An edge refers to a node outside <c>0..nodeCount-1</c>.</exception>
    public LayoutGraph(int nodeCount, IReadOnlyList<(int Source, int Target, double Weight)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        NodeCount = nodeCount;
        Sources = new int[edges.Count];
        Targets = new int[edges.Count];
        Weights = new double[edges.Count];
        Degrees = new int[nodeCount];
        for (var e = 0; e < edges.Count; e++)
        {
            var (s, t, w) = edges[e];
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {e} ({s}, {t}) refers to a node outside 0..{nodeCount - 1}.");
            }

            Sources[e] = s;
            Targets[e] = t;
            Weights[e] = double.IsFinite(w) && w > 0 ? w : 1.0;
            Degrees[s]++;
            Degrees[t]++;
        }
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Edge start nodes.</summary>
    public int[] Sources { get; }

    /// <summary>Edge end nodes.</summary>
    public int[] Targets { get; }

    /// <summary>Edge weights (positive).</summary>
    public double[] Weights { get; }

    /// <summary>Node degrees.</summary>
    public int[] Degrees { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount => Sources.Length;
}
