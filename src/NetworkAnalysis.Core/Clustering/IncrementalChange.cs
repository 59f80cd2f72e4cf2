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
}
