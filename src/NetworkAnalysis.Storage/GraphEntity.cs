namespace NetworkAnalysis.Storage;

/// <summary>An entity as a node of the workbench graph.</summary>
/// <param name="Id">Row ID.</param>
/// <param name="Type">Entity type wire name.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Ads">How many ads in the whole case mention it.</param>
/// <param name="Clusters">How many clusters those ads fall in.</param>
public sealed record GraphEntity(long Id, string Type, string Value, int Ads, int Clusters)
{
    /// <summary>A phone's stored region, place and type (see <see cref="CaseStore.PhoneDetails"/>); null for other entities.</summary>
    public Core.Extraction.Phones.PhoneNumberDetails? Phone { get; init; }
}
