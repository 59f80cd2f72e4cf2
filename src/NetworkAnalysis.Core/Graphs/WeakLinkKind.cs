namespace NetworkAnalysis.Core.Graphs;

/// <summary>What a weak (similarity) link between two ads rests on.</summary>
public enum WeakLinkKind
{
    /// <summary>The ads carry near-duplicate images (perceptual hash distance).</summary>
    ImageNearDuplicate,

    /// <summary>The ads carry near-duplicate text (shingle/MinHash similarity).</summary>
    TextNearDuplicate,
}
