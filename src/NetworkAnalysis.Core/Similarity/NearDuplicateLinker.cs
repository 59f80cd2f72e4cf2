using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Turns ads' photo hashes and texts into weak links: near-duplicate search, families, hub rule.</summary>
/// <remarks>
/// Identifier groups (for the hub rule) are the components of ads joined by strong identifiers that are not hubs
/// under <see cref="HubOptions"/>, the same links the clustering engine starts from. A photo or template family
/// spanning more than <see cref="NearDuplicateOptions.MaxFamilyGroups"/> of them is a hub (a stock photo, an
/// agency's boilerplate) and gives no weak link; the other families' verified pairs become weak links with their
/// similarity. Deterministic: the output depends only on the inputs and options.
/// </remarks>
public static class NearDuplicateLinker
{
    /// <summary>Finds the weak links of a case.</summary>
    /// <param name="incidence">Ads and identifiers (dense ad indexes are the positions in the other lists).</param>
    /// <param name="hubs">Hub thresholds for identifiers (same as clustering uses).</param>
    /// <param name="imageAds">The ad of each photo hash.</param>
    /// <param name="imagePHashes">The pHash of each photo (same indexing as <paramref name="imageAds"/>).</param>
    /// <param name="texts">Each ad's text, or null to skip text.</param>
    /// <param name="masks">Each ad's identifier spans (same indexing as <paramref name="texts"/>).</param>
    /// <param name="options">Thresholds.</param>
    public static NearDuplicateLinks Link(AdEntityIncidence incidence, HubOptions hubs, IReadOnlyList<int> imageAds, IReadOnlyList<ulong> imagePHashes,
        IReadOnlyList<string>? texts, IReadOnlyList<IReadOnlyList<TextMask>>? masks, NearDuplicateOptions options)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        ArgumentNullException.ThrowIfNull(options);
        var n = incidence.AdCount;
        var groups = IdentifierGroups(incidence, hubs);
        var links = new List<WeakLink>();
        IReadOnlyList<NearDuplicateFamily> imageFamilies = [], textFamilies = [];
        if (options.Images && imageAds.Count > 0)
        {
            var pairs = ImageNearDuplicates.Find(imageAds, imagePHashes, options.PHashThreshold);
            imageFamilies = NearDuplicateFamilies.Build(n, pairs, groups, options.MaxFamilyGroups);
            links.AddRange(NearDuplicateFamilies.WeakLinks(pairs, imageFamilies, n, WeakLinkKind.ImageNearDuplicate));
        }

        if (options.Text && texts is not null && masks is not null)
        {
            var pairs = new TemplateDetector(options.Templates).Detect(texts, masks).Pairs;
            textFamilies = NearDuplicateFamilies.Build(n, pairs, groups, options.MaxFamilyGroups);
            links.AddRange(NearDuplicateFamilies.WeakLinks(pairs, textFamilies, n, WeakLinkKind.TextNearDuplicate));
        }

        return new NearDuplicateLinks(links, imageFamilies, textFamilies);
    }

    /// <summary>Component of every ad over strong, non-hub identifiers (an ad with none is alone).</summary>
    public static int[] IdentifierGroups(AdEntityIncidence incidence, HubOptions hubs)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        var graph = BipartiteGraph.Build(incidence);
        var report = HubDetector.Detect(graph, hubs ?? new HubOptions());
        var uf = new UnionFind(graph.AdCount);
        for (var e = 0; e < graph.EntityCount; e++)
        {
            if (!graph.EntityType(e).IsStrongLink() || report.IsHub(e))
            {
                continue;
            }

            var ads = graph.AdsOf(e);
            for (var i = 1; i < ads.Length; i++)
            {
                uf.Union(ads[0], ads[i]);
            }
        }

        var groups = new int[graph.AdCount];
        for (var a = 0; a < groups.Length; a++)
        {
            groups[a] = uf.Find(a);
        }

        return groups;
    }
}
