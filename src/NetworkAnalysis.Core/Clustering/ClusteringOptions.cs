using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Options of <see cref="ClusteringEngine"/>.</summary>
/// <remarks>Defaults are the ones chosen by the sweep in docs/clustering.md.</remarks>
public sealed record ClusteringOptions
{
    /// <summary>Hub thresholds.</summary>
    public HubOptions Hubs { get; init; } = new();

    /// <summary>Leiden settings used to split components (quality, resolution, seed).</summary>
    public LeidenOptions Leiden { get; init; } = new();

    /// <summary>Type weight of strong identifiers; default 1.</summary>
    public double StrongWeight { get; init; } = 1.0;

    /// <summary>Weight of a weak link at similarity 1 (scaled by the similarity); default 0.5.</summary>
    public double WeakWeight { get; init; } = 0.5;

    /// <summary>Weak links at or above this similarity join components like a strong link; default 0.95 (above 1 disables).</summary>
    public double WeakJoinSimilarity { get; init; } = 0.95;

    /// <summary>Whether text near-duplicates at or above <see cref="WeakJoinSimilarity"/> also join components; default true.</summary>
    /// <remarks>
    /// The case pipeline turns this off (<see cref="Similarity.NearDuplicateOptions.TextJoins"/>): near-identical short
    /// texts by unrelated posters are common, and joining on them lowered B-cubed F1 on the generated corpus
    /// (docs/near-duplicates.md), so there text links only weigh inside components.
    /// </remarks>
    public bool TextJoins { get; init; } = true;

    /// <summary>Components with fewer ads are never split; default 4.</summary>
    public int SplitMinSize { get; init; } = 4;

    /// <summary>Components with more ads are always offered to Leiden; default 500.</summary>
    public int MaxClusterSize { get; init; } = 500;

    /// <summary>Components whose cohesion is below this are offered to Leiden; default 0.75.</summary>
    public double MinCohesion { get; init; } = 0.75;

    /// <summary>A part of a Leiden split needs at least this many ads to stand alone; default 3.</summary>
    public int MinPartSize { get; init; } = 3;

    /// <summary>A part of a Leiden split stands alone only if its conductance (weight leaving / volume) is at most this; default 0.05.</summary>
    public double MaxConductance { get; init; } = 0.05;

    /// <summary>Entities with more ads inside a component enter Leiden as a star node instead of a clique; default 32.</summary>
    /// <remarks>Bounds the projection: no entity contributes more than 32·31/2 ad–ad edges.</remarks>
    public int CliqueMaxDegree { get; init; } = 32;

    /// <summary>Bridges listed per cluster; default 5.</summary>
    public int MaxBridgesPerCluster { get; init; } = 5;
}
