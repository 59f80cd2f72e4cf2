namespace NetworkAnalysis.Storage;

/// <summary>A piece of the ad-entity graph: a cluster, or the ads of one entity, with the links among them.</summary>
/// <param name="Ads">Ads, by key.</param>
/// <param name="Entities">Every entity the ads mention, by type then value.</param>
/// <param name="Links">Distinct (ad row ID, entity row ID) pairs.</param>
/// <param name="TotalAds">How many ads the fragment would hold without the limit.</param>
public sealed record GraphFragment(IReadOnlyList<GraphAd> Ads, IReadOnlyList<GraphEntity> Entities,
    IReadOnlyList<(long Ad, long Entity)> Links, int TotalAds);
