using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Storage;

/// <summary>What one analysis run did.</summary>
/// <param name="RunId">The run's ID in the case.</param>
/// <param name="Ads">Ads clustered.</param>
/// <param name="Entities">Entities in the graph.</param>
/// <param name="Clusters">Clusters found.</param>
/// <param name="TimingsMs">Per-stage wall time in milliseconds (keys ending in <c>_ms</c>) and component counts.</param>
public sealed record AnalysisRunResult(long RunId, int Ads, int Entities, int Clusters, IReadOnlyDictionary<string, double> TimingsMs)
{
    /// <summary>Whether untouched components were taken over from the previous clustering.</summary>
    public bool Incremental { get; init; }

    /// <summary>Components, splits and reused components of the run.</summary>
    public ClusteringStatistics Statistics { get; init; } = new();

    /// <summary>How each standing analyst decision fared: applied, or why it no longer applies.</summary>
    public IReadOnlyList<DecisionOutcome> Decisions { get; init; } = [];

    /// <summary>Why the graph snapshot file beside the case was not used or not written (one line), or null when all went as usual.</summary>
    public string? GraphSnapshotNote { get; init; }
}
