namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>Options of <see cref="LeidenClusterer"/>.</summary>
public sealed record LeidenOptions
{
    /// <summary>Quality function; default modularity.</summary>
    public LeidenQuality Quality { get; init; } = LeidenQuality.Modularity;

    /// <summary>Resolution γ; higher gives smaller communities. Default 1.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seed of the random visiting order and refinement choices.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Randomness θ of the refinement step (as in the Leiden paper; igraph calls it beta). Default 0.01.</summary>
    public double Randomness { get; init; } = 0.01;

    /// <summary>Maximum Leiden iterations; iteration stops earlier once an iteration gains too little (see <see cref="Tolerance"/>). Default 20.</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>
    /// Stop once an iteration raises the quality function's gain terms by at most this fraction of the total edge
    /// weight (for modularity: a modularity gain of at most 2 × tolerance). 0 iterates until no node moves. Default 1e-6.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;
}
