using QuikGraph;

namespace NetworkAnalysis.Core.Graphs.Structure;

/// <summary>An edge of a <see cref="ClusterGraph"/>: an ad mentions an identifier, or two ads are near-duplicates.</summary>
/// <remarks>Implements QuikGraph's <see cref="IEdge{TVertex}"/>, so the edges can be handed to QuikGraph directly.</remarks>
/// <param name="Source">The ad at one end (always an ad).</param>
/// <param name="Target">The identifier it mentions, or the other ad of a weak link.</param>
/// <param name="WeakKind">Kind of weak link, or null for a mention.</param>
/// <param name="Similarity">Similarity of a weak link in [0,1]; 1 for a mention.</param>
public sealed record ClusterEdge(ClusterNode Source, ClusterNode Target, WeakLinkKind? WeakKind = null, double Similarity = 1.0) : IEdge<ClusterNode>
{
    /// <summary>Whether the edge is a weak (near-duplicate) link between two ads.</summary>
    public bool IsWeak => WeakKind is not null;

    /// <summary>A short description: "ad X mentions phone:…" or "ad X ~ ad Y (image near-duplicate, 0.97)".</summary>
    public override string ToString() => WeakKind is { } kind
        ? $"ad {Source.Label} ~ ad {Target.Label} ({(kind == WeakLinkKind.ImageNearDuplicate ? "image" : "text")} near-duplicate, {Similarity.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)})"
        : $"ad {Source.Label} mentions {Target.Label}";
}
