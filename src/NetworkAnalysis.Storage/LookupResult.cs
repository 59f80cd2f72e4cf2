namespace NetworkAnalysis.Storage;

/// <summary>What <see cref="CaseStore.Lookup"/> found for one entity.</summary>
/// <param name="Type">Entity type wire name.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Clusters">Clusters of the ads that mention it, with how many of its ads each holds.</param>
/// <param name="Ads">Keys of the ads that mention it (at most the requested limit), by key.</param>
/// <param name="AdCount">Number of ads that mention it.</param>
/// <param name="Linked">Other entities on those ads, with how many of the ads mention each, most first.</param>
public sealed record LookupResult(string Type, string Value, IReadOnlyList<(string ClusterId, int Ads)> Clusters,
    IReadOnlyList<string> Ads, int AdCount, IReadOnlyList<(string Type, string Value, int Ads)> Linked)
{
    /// <summary>The stored analysis's hub verdict on the entity, or null when it is not a hub.</summary>
    public StoredHub? Hub { get; init; }

    /// <summary>A phone's stored region, place and type (see <see cref="CaseStore.PhoneDetails"/>); null for other entities.</summary>
    public Core.Extraction.Phones.PhoneNumberDetails? Phone { get; init; }
}
