namespace NetworkAnalysis.Core.Clustering;

/// <summary>How an old cluster relates to a new one.</summary>
public enum LineageKind
{
    /// <summary>The old cluster's surviving ads all went to one new cluster that holds no other old cluster's ads.</summary>
    Continued,

    /// <summary>The new cluster holds ads of two or more old clusters (and the old cluster did not split).</summary>
    Merged,

    /// <summary>The old cluster's ads went to two or more new clusters (and the new cluster merged nothing else).</summary>
    Split,

    /// <summary>Both: the old cluster split and this new cluster also took ads of other old clusters.</summary>
    SplitMerged,

    /// <summary>A new cluster with no ad of any old cluster.</summary>
    New,

    /// <summary>An old cluster none of whose ads are in the new clustering (its ads were removed).</summary>
    Retired,
}
