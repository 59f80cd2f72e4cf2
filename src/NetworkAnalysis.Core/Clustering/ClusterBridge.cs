namespace NetworkAnalysis.Core.Clustering;

/// <summary>A single node holding a cluster together: removing it cuts ads off ("held together by one phone").</summary>
/// <param name="Kind">Identifier or ad.</param>
/// <param name="Index">Dense entity or ad index.</param>
/// <param name="Label">Entity <c>type:value</c> or ad key.</param>
/// <param name="AdsCutOff">Ads outside the largest remaining piece if the node were removed.</param>
public sealed record ClusterBridge(BridgeNodeKind Kind, int Index, string Label, int AdsCutOff)
{
    /// <summary>A one-line description, e.g. "phone:+15555550123 holds 12 ads to the rest".</summary>
    public override string ToString() => $"{(Kind == BridgeNodeKind.Entity ? "" : "ad ")}{Label} holds {AdsCutOff:N0} ad(s) to the rest";
}
