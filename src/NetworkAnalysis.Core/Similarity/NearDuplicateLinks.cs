using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Weak links from near-duplicate photos and text templates, with the families behind them.</summary>
/// <param name="WeakLinks">Links of non-hub families (images first, then text), each pair once per kind.</param>
/// <param name="ImageFamilies">Families of near-duplicate photos (hub ones included, flagged).</param>
/// <param name="TextFamilies">Template families (hub ones included, flagged).</param>
public sealed record NearDuplicateLinks(IReadOnlyList<WeakLink> WeakLinks, IReadOnlyList<NearDuplicateFamily> ImageFamilies, IReadOnlyList<NearDuplicateFamily> TextFamilies);
