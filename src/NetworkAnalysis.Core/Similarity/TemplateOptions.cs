namespace NetworkAnalysis.Core.Similarity;

/// <summary>Options of <see cref="TemplateDetector"/>: shingles, MinHash, LSH banding, verification and hubs.</summary>
/// <remarks>
/// With 32 bands of 4 rows, a pair with Jaccard J becomes a candidate with probability 1 − (1 − J⁴)³²:
/// 0.99 at J = 0.6, 0.87 at J = 0.5, 0.23 at J = 0.3, 0.05 at J = 0.2 (unweighted J: banding does not see the IDF weights).
/// </remarks>
public sealed record TemplateOptions
{
    /// <summary>Words per shingle; default 3. Texts with fewer words use their words.</summary>
    public int ShingleWords { get; init; } = 3;

    /// <summary>Number of bands; default 32.</summary>
    public int Bands { get; init; } = 32;

    /// <summary>Rows (MinHash values) per band; default 4. Signature length is Bands × Rows.</summary>
    public int Rows { get; init; } = 4;

    /// <summary>Seed of the MinHash permutations; the same seed gives the same signatures.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A candidate pair is a near-duplicate when the (with <see cref="IdfWeighted"/>, weighted) Jaccard similarity of its
    /// shingle sets is at least this; default 0.5.</summary>
    /// <remarks>0.5 weighted replaced 0.6 unweighted: template families recall 0.743 → 0.866 on distinct templates, family
    /// precision 0.941 → 0.960 on the default generator's look-alike texts (docs/near-duplicates.md).</remarks>
    public double MinJaccard { get; init; } = 0.5;

    /// <summary>Whether verification uses Jaccard weighted by inverse document frequency (ln(ads / ads with the shingle)), so
    /// wording common to many ads counts less; default true.</summary>
    /// <remarks>The weights come from the batch being verified, so the same ads give the same pairs; adding ads can change them.</remarks>
    public bool IdfWeighted { get; init; } = true;

    /// <summary>Lower Jaccard at which a pair is kept only with support, or null (default) for none.</summary>
    /// <remarks>
    /// A pair with Jaccard in [SupportedJaccard, MinJaccard) is kept only when the families of its two ads (components of
    /// the pairs at or above <see cref="MinJaccard"/>) are joined by at least <see cref="MinSupport"/> such pairs, all
    /// counted against the components before any of them is merged (one round, so the result does not depend on order).
    /// </remarks>
    public double? SupportedJaccard { get; init; }

    /// <summary>Pairs between two families needed to keep a supported pair; default 2.</summary>
    public int MinSupport { get; init; } = 2;

    /// <summary>Whether support is counted per ad (one of the pair's ads has <see cref="MinSupport"/> pairs into the other's
    /// family) instead of per pair of families; default false.</summary>
    public bool SupportPerAd { get; init; }

    /// <summary>Whether a lower pair between two families is kept only when each ad is the other's most similar partner
    /// (instead of counting support); default false.</summary>
    public bool MutualNearest { get; init; }

    /// <summary>Share of the smaller family's ads that must have a supporting pair (0 = only <see cref="MinSupport"/> counts); default 0.</summary>
    public double MinSupportShare { get; init; }

    /// <summary>Containment |A∩B| / min(|A|,|B|) at which a pair is also a near-duplicate, or null (default) for Jaccard only.</summary>
    /// <remarks>For the dropped-sentence case; guarded by <see cref="MinSizeRatio"/>.</remarks>
    public double? MinContainment { get; init; }

    /// <summary>Smallest min(|A|,|B|) / max(|A|,|B|) for a pair accepted by containment; default 0.7.</summary>
    public double MinSizeRatio { get; init; } = 0.7;

    /// <summary>A bucket with more ads is verified as a star around its first ad instead of all pairs; default 64.</summary>
    /// <remarks>Bounds verification work on very common templates (n ads would be n(n−1)/2 pairs).</remarks>
    public int MaxBucketPairs { get; init; } = 64;

    /// <summary>Ads with fewer shingles are not signed (too short to call a template); default 4.</summary>
    public int MinShingles { get; init; } = 4;

    /// <summary>Threads used for signing (1 = single-threaded; the result does not depend on it).</summary>
    public int Parallelism { get; init; } = 1;
}
