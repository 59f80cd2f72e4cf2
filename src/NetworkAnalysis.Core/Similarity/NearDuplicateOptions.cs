using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Options of <see cref="NearDuplicateLinker"/>.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Whether photos give weak links; default true.</summary>
    public bool Images { get; init; } = true;

    /// <summary>Whether text templates give weak links; default true.</summary>
    public bool Text { get; init; } = true;

    /// <summary>Largest pHash distance (bits of 64) of near-duplicate photos; default <see cref="ImageMatch.DefaultPHashThreshold"/>.</summary>
    public int PHashThreshold { get; init; } = ImageMatch.DefaultPHashThreshold;

    /// <summary>MinHash/LSH settings for text templates.</summary>
    public TemplateOptions Templates { get; init; } = new();

    /// <summary>A family spanning more identifier groups than this is a hub and gives no weak links; default 10.</summary>
    public int MaxFamilyGroups { get; init; } = NearDuplicateFamilies.DefaultMaxGroups;
}
