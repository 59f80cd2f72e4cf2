using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Options of <see cref="NearDuplicateLinker"/>.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Whether photos give weak links; default true.</summary>
    public bool Images { get; init; } = true;

    /// <summary>Whether text templates give weak links; default false.</summary>
    /// <remarks>
    /// Off by default: on the generated corpus with photos (20,000 ads, seed 42), text links (weighing inside components)
    /// lower B-cubed F1: 0.9930 without weak links, 0.9924 with IDF-weighted template links (0.9920 with the earlier
    /// unweighted ones), because the generator's small sentence pools make unrelated posters' texts similar
    /// (docs/near-duplicates.md). Photos alone were neutral.
    /// </remarks>
    public bool Text { get; init; }

    /// <summary>Largest pHash distance (bits of 64) of near-duplicate photos; default <see cref="ImageMatch.DefaultPHashThreshold"/>.</summary>
    public int PHashThreshold { get; init; } = ImageMatch.DefaultPHashThreshold;

    /// <summary>MinHash/LSH settings for text templates.</summary>
    public TemplateOptions Templates { get; init; } = new();

    /// <summary>A family spanning more identifier groups than this is a hub and gives no weak links; default 10.</summary>
    public int MaxFamilyGroups { get; init; } = NearDuplicateFamilies.DefaultMaxGroups;

    /// <summary>
    /// A photo family is also a hub when no one identifier group holds at least this share of its identified ads; default
    /// 0.5 (0 turns the rule off). Photos only.
    /// </summary>
    /// <remarks>
    /// A ring's photo is shown mostly inside the ring's own group (plus a few ads that lost their identifiers); a stock
    /// photo is scattered over unrelated posters, each holding one or two of its ads. In small cases a stock photo spans
    /// fewer than <see cref="MaxFamilyGroups"/> groups, so the group count alone kept its links: at 2,000 generated ads
    /// with photos they cost 0.02 B-cubed F1 (docs/near-duplicates.md). Ads without any identifier are not counted, so
    /// identifier-less ads showing one photo still link.
    /// </remarks>
    public double MinMainGroupShare { get; init; } = 0.5;

    /// <summary>Whether text links may join components (at the engine's join similarity); default false, they only weigh inside them.</summary>
    /// <remarks>Measured on a generated corpus (docs/near-duplicates.md): joining on text lowered B-cubed F1; weighing only did not.</remarks>
    public bool TextJoins { get; init; }
}
