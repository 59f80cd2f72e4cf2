using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>What changed since the previous clustering: the input of <c>ClusteringEngine.Update</c>.</summary>
/// <remarks>
/// Touched ads are ads added, edited or removed, and both ends of any weak link added or removed. Touched
/// entities are identifiers whose set of mentioning ads changed. Untouched components are taken over as they were.
/// </remarks>
public sealed record IncrementalChange
{
    /// <summary>Keys of touched ads.</summary>
    public IReadOnlyCollection<string> TouchedAdKeys { get; init; } = [];

    /// <summary>Touched entities as (type, canonical value).</summary>
    public IReadOnlyCollection<(EntityType Type, string Value)> TouchedEntities { get; init; } = [];

    /// <summary>The hubs of the previous clustering as (type, canonical value), or null when not known.</summary>
    /// <remarks>
    /// A touched entity that was a hub then and is one now (weight 0 both times, never a union) changes nothing that any
    /// component's split, cohesion or bridges depend on: those see only entities of weight above 0 and counts within the
    /// component. So its ads are not affected through it (issue #21: at 1,000,000 ads, 10,000 new ads mention hubs of
    /// thousands of ads, which made most components be recomputed). Applied only without must-link or separation decisions.
    /// </remarks>
    public IReadOnlySet<(EntityType Type, string Value)>? PreviousHubs { get; init; }
}
