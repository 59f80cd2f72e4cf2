using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

/// <summary>One hub verdict as the analysis stored it (<c>hub_entities</c>).</summary>
/// <param name="EntityId">The entity's row ID.</param>
/// <param name="Type">Entity type.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="Reason">Which threshold it crossed.</param>
/// <param name="Ads">Ads that mentioned it when judged.</param>
/// <param name="GroupsJoined">Otherwise-separate groups it would have joined when judged.</param>
public sealed record StoredHub(long EntityId, EntityType Type, string Value, HubReason Reason, int Ads, int GroupsJoined)
{
    /// <summary>The entity as every host names it: <c>type:value</c>.</summary>
    public string Label => Type.ToName() + ":" + Value;

    /// <summary>The reason's wire name: <c>too_many_ads</c> or <c>too_many_groups</c>.</summary>
    public string ReasonName => NameOf(Reason);

    /// <summary>The stored name of a hub reason: <c>too_many_ads</c>, <c>too_many_groups</c> or <c>decided</c>.</summary>
    public static string NameOf(HubReason reason) => reason switch
    {
        HubReason.TooManyAds => "too_many_ads",
        HubReason.Decided => "decided",
        _ => "too_many_groups",
    };

    /// <summary>The hub reason of a stored name (see <see cref="NameOf"/>).</summary>
    public static HubReason ParseReason(string name) => name switch
    {
        "too_many_ads" => HubReason.TooManyAds,
        "decided" => HubReason.Decided,
        _ => HubReason.TooManyGroups,
    };

    /// <summary>The verdict with a dense entity index, for the Core explainers.</summary>
    public HubVerdict ToVerdict(int entity) => new(entity, Type, Value, Ads, GroupsJoined, Reason);

    /// <summary>A one-line explanation under the thresholds the analysis used.</summary>
    public string Explain(HubOptions options) => ToVerdict(-1).Explain(options);
}
