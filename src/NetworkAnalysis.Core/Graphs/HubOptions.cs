namespace NetworkAnalysis.Core.Graphs;

/// <summary>Thresholds for hub (generic identifier) detection.</summary>
/// <remarks>Defaults come from the sweep in docs/clustering.md.</remarks>
public sealed record HubOptions
{
    /// <summary>An entity mentioned by more ads than this is a hub; default 1,000.</summary>
    public int MaxAdDegree { get; init; } = 1_000;

    /// <summary>An entity that would join more than this many otherwise-separate groups (of two or more ads) is a hub; default 10.</summary>
    public int MaxGroups { get; init; } = 10;
}
