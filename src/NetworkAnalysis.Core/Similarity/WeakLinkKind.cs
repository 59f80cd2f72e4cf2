namespace NetworkAnalysis.Core.Similarity;

/// <summary>What kind of near-duplicate evidence links two ads.</summary>
public enum WeakLinkKind
{
    /// <summary>The ads carry near-identical photos (pHash within the match threshold).</summary>
    Image,

    /// <summary>The ads share a text template (MinHash Jaccard above the threshold).</summary>
    Text,
}
