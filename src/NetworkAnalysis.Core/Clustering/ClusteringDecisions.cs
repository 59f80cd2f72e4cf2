namespace NetworkAnalysis.Core.Clustering;

/// <summary>Analyst decisions resolved to dense indexes: constraints <see cref="ClusteringEngine"/> honours over its own rules.</summary>
/// <remarks>
/// Hubs never link whatever their counts; never-hubs always link whatever their counts; each must-link group ends in one
/// cluster (its ads are joined like a strong link, and Leiden parts holding ads of one group are put back together);
/// each separation puts its two sides in different clusters (the component is cut between them, see
/// <see cref="DecisionConstraints"/>). A separation wins over a must-link group when both hold the same ads (the store
/// refuses such a pair of decisions). Indexes outside the incidence are ignored; the caller reports such decisions.
/// </remarks>
public sealed record ClusteringDecisions
{
    /// <summary>No decisions: the automatic result.</summary>
    public static ClusteringDecisions None { get; } = new();

    /// <summary>Entities (dense indexes) that must never link.</summary>
    public IReadOnlyCollection<int> Hubs { get; init; } = [];

    /// <summary>Entities (dense indexes) that always link, whatever their ad and group counts.</summary>
    public IReadOnlyCollection<int> NeverHubs { get; init; } = [];

    /// <summary>Groups of ads (dense indexes) that must end in one cluster.</summary>
    public IReadOnlyList<IReadOnlyList<int>> MustLink { get; init; } = [];

    /// <summary>Pairs of ad sets that must end in different clusters, applied in order.</summary>
    public IReadOnlyList<AdSeparation> Separations { get; init; } = [];

    /// <summary>Whether there is nothing to honour.</summary>
    public bool IsEmpty => Hubs.Count == 0 && NeverHubs.Count == 0 && MustLink.Count == 0 && Separations.Count == 0;
}
