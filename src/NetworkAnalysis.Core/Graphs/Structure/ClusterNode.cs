namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>A node of a <see cref="ClusterGraph"/>: an ad (by key) or an identifier (by <c>type:value</c>).</summary>
/// <param name="Kind">Ad or identifier.</param>
/// <param name="Label">The ad key (<c>site/id</c>) or the identifier label (<c>type:value</c>); hostile text.</param>
public sealed record ClusterNode(ClusterNodeKind Kind, string Label)
{
    /// <summary>Whether the node is an ad.</summary>
    public bool IsAd => Kind == ClusterNodeKind.Ad;

    /// <summary>The label, prefixed with "ad " for ads.</summary>
    public override string ToString() => IsAd ? "ad " + Label : Label;
}
