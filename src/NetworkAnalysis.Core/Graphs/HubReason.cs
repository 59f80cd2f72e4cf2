namespace NetworkAnalysis.Core.Graphs;

/// <summary>Why an entity was judged a hub (generic identifier) that must not merge clusters.</summary>
public enum HubReason
{
    /// <summary>More ads mention it than <see cref="HubOptions.MaxAdDegree"/>.</summary>
    TooManyAds,

    /// <summary>It would join more than <see cref="HubOptions.MaxGroups"/> groups that more specific identifiers keep apart.</summary>
    TooManyGroups,

    /// <summary>An analyst decided it is a hub (a booking line, an agency address the counts do not reveal).</summary>
    Decided,
}
