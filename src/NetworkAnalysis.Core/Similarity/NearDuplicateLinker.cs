using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Turns ads' photo hashes and texts into weak links: near-duplicate search, families, hub rule.</summary>
/// <remarks>
/// Identifier groups (for the hub rule) are the components of ads joined by strong identifiers that are not hubs
/// under <see cref="HubOptions"/>, the same links the clustering engine starts from. A photo or template family
/// spanning more than <see cref="NearDuplicateOptions.MaxFamilyGroups"/> of them is a hub (a stock photo, an
/// agency's boilerplate) and gives no weak link; the other families' verified pairs become weak links with their
/// similarity. A photo family is one photo and its variants (an ad showing two photos is in two families), judged
/// against groups joined by identifiers other than photos, and it is also a hub when its identified ads are scattered
/// over posters (<see cref="NearDuplicateOptions.MinMainGroupShare"/>). Deterministic: the output depends only on the
/// inputs and options.
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
        var links = new List<WeakLink>();
        IReadOnlyList<NearDuplicateFamily> imageFamilies = [], textFamilies = [];
        if (options.Images && imageAds.Count > 0)
        {
            // Each photo is judged on its own (an ad's ring photo is not a hub because the ad also shows a stock photo),
            // against groups joined by identifiers other than photos: exact copies of a stock photo join its unrelated
            // posters, so groups that count them would see one poster and never call the photo a hub.
            var photoGroups = IdentifierGroups(incidence, hubs, withPhotos: false, out var identified);
            var best = new Dictionary<(int, int), double>();
            var families = new List<NearDuplicateFamily>();
            foreach (var f in ImageNearDuplicates.FindFamilies(imageAds, imagePHashes, options.PHashThreshold))
            {
                var spanned = f.Ads.Select(a => photoGroups[a]).Distinct().Count();
                var hub = IsPhotoHub(f.Ads, spanned, photoGroups, identified, options);
                families.Add(new NearDuplicateFamily(f.Ads[0], f.Ads, spanned, hub));
                if (hub)
                {
                    continue;
                }

                foreach (var p in f.Pairs)
                {
                    if (!best.TryGetValue((p.A, p.B), out var s) || p.Similarity > s)
                    {
                        best[(p.A, p.B)] = p.Similarity;
                    }
                }
            }

            imageFamilies = families;
            links.AddRange(best.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2)
                .Select(kv => new WeakLink(kv.Key.Item1, kv.Key.Item2, WeakLinkKind.ImageNearDuplicate, kv.Value)));
        }

        if (options.Text && texts is not null && masks is not null)
        {
            var pairs = new TemplateDetector(options.Templates).Detect(texts, masks).Pairs;
            textFamilies = NearDuplicateFamilies.Build(n, pairs, IdentifierGroups(incidence, hubs), options.MaxFamilyGroups);
            links.AddRange(NearDuplicateFamilies.WeakLinks(pairs, textFamilies, n, WeakLinkKind.TextNearDuplicate));
        }

        return new NearDuplicateLinks(links, imageFamilies, textFamilies);
    }

    /// <summary>Component of every ad over strong, non-hub identifiers (an ad with none is alone).</summary>
    public static int[] IdentifierGroups(AdEntityIncidence incidence, HubOptions hubs) => IdentifierGroups(incidence, hubs, withPhotos: true, out _);

    /// <summary>Component of every ad over strong, non-hub identifiers (an ad with none is alone).</summary>
    /// <param name="incidence">Ads and identifiers.</param>
    /// <param name="hubs">Hub thresholds (the verdicts are those of clustering, photos included).</param>
    /// <param name="withPhotos">Whether exact photo copies (<see cref="EntityType.Image"/>) join ads too; false for judging photo families.</param>
    /// <param name="identified">Per ad, whether it mentions at least one of the identifiers that were used.</param>
    public static int[] IdentifierGroups(AdEntityIncidence incidence, HubOptions hubs, bool withPhotos, out bool[] identified)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        var graph = BipartiteGraph.Build(incidence);
        var report = HubDetector.Detect(graph, hubs ?? new HubOptions());
        var uf = new UnionFind(graph.AdCount);
        identified = new bool[graph.AdCount];
        for (var e = 0; e < graph.EntityCount; e++)
        {
            if (!graph.EntityType(e).IsStrongLink() || report.IsHub(e) || (!withPhotos && graph.EntityType(e) == EntityType.Image))
            {
                continue;
            }

            var ads = graph.AdsOf(e);
            foreach (var ad in ads)
            {
                identified[ad] = true;
            }

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

    /// <summary>
    /// Whether a photo family is a hub: it spans more than <see cref="NearDuplicateOptions.MaxFamilyGroups"/> identifier
    /// groups, or its identified ads are scattered: no one group holds at least
    /// <see cref="NearDuplicateOptions.MinMainGroupShare"/> of them (ads without any identifier count for neither side).
    /// </summary>
    private static bool IsPhotoHub(IReadOnlyList<int> ads, int spanned, int[] groups, bool[] identified, NearDuplicateOptions options)
    {
        if (spanned > options.MaxFamilyGroups)
        {
            return true;
        }

        var sizes = new Dictionary<int, int>();
        var total = 0;
        foreach (var a in ads)
        {
            if (identified[a])
            {
                sizes[groups[a]] = sizes.GetValueOrDefault(groups[a]) + 1;
                total++;
            }
        }

        return total > 0 && sizes.Values.Max() < options.MinMainGroupShare * total;
    }
}
