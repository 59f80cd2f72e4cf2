using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Graphs;

/// <summary>One entity judged to be a hub, with the numbers behind the verdict.</summary>
/// <param name="Entity">Dense entity index.</param>
/// <param name="Type">Entity type.</param>
/// <param name="Value">Canonical value.</param>
/// <param name="AdCount">Ads that mention it.</param>
/// <param name="GroupsJoined">Otherwise-separate groups (two or more ads) it would have joined.</param>
/// <param name="Reason">Which threshold it crossed.</param>
public sealed record HubVerdict(int Entity, EntityType Type, string Value, int AdCount, int GroupsJoined, HubReason Reason)
{
    /// <summary>A one-line human explanation, e.g. "phone:+15555550123 is shared by 4,210 ads (limit 1,000)".</summary>
    public string Explain(HubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var label = Type.ToName() + ":" + Value;
        return Reason switch
        {
            HubReason.TooManyAds => $"{label} is shared by {AdCount:N0} ads (limit {options.MaxAdDegree:N0})",
            HubReason.TooManyGroups => $"{label} would join {GroupsJoined:N0} otherwise-separate groups (limit {options.MaxGroups:N0}) across {AdCount:N0} ads",
            HubReason.Decided => $"{label} was marked a hub by an analyst ({AdCount:N0} ads, {GroupsJoined:N0} groups)",
            _ => throw new ArgumentOutOfRangeException(nameof(options), Reason, "unknown hub reason"),
        };
    }
}
