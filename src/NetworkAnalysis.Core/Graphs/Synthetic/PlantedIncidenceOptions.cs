namespace NetworkAnalysis.Core.Graphs.Synthetic;

/// <summary>Shape of a synthetic incidence with planted poster rings, hubs and bridges.</summary>
public sealed record PlantedIncidenceOptions
{
    /// <summary>Number of ads; default 10,000.</summary>
    public int Ads { get; init; } = 10_000;

    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Mean ring (poster network) size in ads; sizes are 1 + exponential, capped at <see cref="MaxRingSize"/>. Default 8.</summary>
    public double MeanRingSize { get; init; } = 8;

    /// <summary>Largest ring; default 300.</summary>
    public int MaxRingSize { get; init; } = 300;

    /// <summary>Number of hub identifiers (booking lines, stock photos, agency e-mails); default ads / 2,000 + 3.</summary>
    public int? Hubs { get; init; }

    /// <summary>Probability that an ad mentions one random hub; default 0.04.</summary>
    public double HubMentionRate { get; init; } = 0.04;

    /// <summary>Probability that a ring reuses one identifier of another ring (a recycled phone: a false bridge); default 0.03.</summary>
    public double BridgeRate { get; init; } = 0.03;

    /// <summary>Probability that an ad gets a true near-duplicate weak link inside its ring; default 0.3.</summary>
    public double WeakLinkRate { get; init; } = 0.3;

    /// <summary>Probability that an ad gets a false, lower-similarity weak link to another ring; default 0.02.</summary>
    public double FalseWeakLinkRate { get; init; } = 0.02;
}
