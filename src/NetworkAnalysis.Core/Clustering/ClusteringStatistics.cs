namespace NetworkAnalysis.Core.Clustering;

/// <summary>Counts describing one clustering run.</summary>
public sealed record ClusteringStatistics
{
    /// <summary>Connected components over strong non-hub links (and joining weak links).</summary>
    public int Components { get; init; }

    /// <summary>Components Leiden was run on (too large or too loosely knit).</summary>
    public int ComponentsConsidered { get; init; }

    /// <summary>Components Leiden actually split into two or more clusters.</summary>
    public int ComponentsSplit { get; init; }

    /// <summary>Components whose clusters were taken over from the previous result (incremental runs).</summary>
    public int ComponentsReused { get; init; }

    /// <summary>Weak links that joined components (similarity at or above the join threshold).</summary>
    public int WeakLinksJoining { get; init; }
}
