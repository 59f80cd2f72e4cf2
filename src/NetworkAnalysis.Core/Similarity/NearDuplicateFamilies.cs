using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Groups near-duplicate pairs into families, flags hub families, and turns the rest into weak links.</summary>
/// <remarks>
/// A family is a connected component of verified pairs. The hub rule mirrors the identifier hub rule of
/// <see cref="HubOptions.MaxGroups"/>: a family whose ads fall into more than <c>maxGroups</c> distinct identifier
/// groups (ads already joined by shared strong identifiers; an ad with none is its own group) is used by many
/// otherwise-unrelated posters, like a stock photo or an agency's boilerplate. A hub family is reported but gives
/// no weak links, so it can never join clusters.
/// </remarks>
public static class NearDuplicateFamilies
{
    /// <summary>Default largest number of identifier groups a non-hub family may span (as <see cref="HubOptions.MaxGroups"/>).</summary>
    public const int DefaultMaxGroups = 10;

    /// <summary>Builds the families of <paramref name="pairs"/> (only ads in some pair belong to a family).</summary>
    /// <param name="adCount">Number of ads (dense indexes 0..adCount−1).</param>
    /// <param name="pairs">Verified near-duplicate pairs.</param>
    /// <param name="groupOfAd">Identifier group of every ad (any int; equal means joined by strong identifiers).</param>
    /// <param name="maxGroups">A family spanning more groups than this is a hub.</param>
    /// <returns>Families ordered by <see cref="NearDuplicateFamily.Id"/>.</returns>
    public static IReadOnlyList<NearDuplicateFamily> Build(int adCount, IReadOnlyList<SimilarPair> pairs, IReadOnlyList<int> groupOfAd, int maxGroups = DefaultMaxGroups)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(groupOfAd);
        if (groupOfAd.Count != adCount)
        {
            throw new ArgumentException($"groupOfAd has {groupOfAd.Count} entries for {adCount} ads", nameof(groupOfAd));
        }

        var uf = new UnionFind(adCount);
        var inPair = new bool[adCount];
        foreach (var p in pairs)
        {
            uf.Union(p.A, p.B);
            inPair[p.A] = inPair[p.B] = true;
        }

        var members = new Dictionary<int, List<int>>();
        for (var ad = 0; ad < adCount; ad++)
        {
            if (inPair[ad])
            {
                var root = uf.Find(ad);
                if (!members.TryGetValue(root, out var list))
                {
                    members[root] = list = [];
                }

                list.Add(ad);
            }
        }

        var families = new List<NearDuplicateFamily>(members.Count);
        foreach (var list in members.Values)
        {
            var groups = list.Select(a => groupOfAd[a]).Distinct().Count();
            families.Add(new NearDuplicateFamily(list[0], list, groups, groups > maxGroups));
        }

        families.Sort(static (x, y) => x.Id.CompareTo(y.Id));
        return families;
    }

    /// <summary>Weak links of the pairs whose family is not a hub, with the pair's similarity, in pair order.</summary>
    public static IReadOnlyList<WeakLink> WeakLinks(IReadOnlyList<SimilarPair> pairs, IReadOnlyList<NearDuplicateFamily> families, int adCount, WeakLinkKind kind)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(families);
        var hub = new bool[adCount];
        foreach (var f in families.Where(f => f.IsHub))
        {
            foreach (var ad in f.Ads)
            {
                hub[ad] = true;
            }
        }

        return [.. pairs.Where(p => !hub[p.A]).Select(p => new WeakLink(p.A, p.B, kind, p.Similarity))];
    }
}
