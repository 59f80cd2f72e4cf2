namespace NetworkAnalysis.Reporting.Layout;

/// <summary>Settings of <see cref="ForceAtlas2Layout"/>.</summary>
public sealed record ForceAtlas2Options
{
    /// <summary>Seed of the initial random placement.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Number of iterations. Null picks 300 up to 1,000 nodes and 200 above.</summary>
    public int? Iterations { get; init; }

    /// <summary>Repulsion strength (kr in the paper); larger spreads the drawing. Null picks 2 up to 100 nodes, 10 above.</summary>
    public double? ScalingRatio { get; init; }

    /// <summary>Pull towards the centre (kg), keeps disconnected parts together.</summary>
    public double Gravity { get; init; } = 1.0;

    /// <summary>Barnes-Hut opening angle: a quadtree cell of size s at distance d is treated as one body when s/d &lt; theta.</summary>
    /// <remarks>0 disables the approximation (exact O(n²) repulsion); 1.2 is the usual trade-off.</remarks>
    public double Theta { get; init; } = 1.2;

    /// <summary>How much swinging is tolerated before nodes slow down.</summary>
    public double JitterTolerance { get; init; } = 1.0;
}
