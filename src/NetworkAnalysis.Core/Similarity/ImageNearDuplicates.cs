using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Near-duplicate ad pairs from the perceptual hashes of their photos.</summary>
/// <remarks>
/// Every (ad, pHash) is an item; <see cref="HammingSearch"/> finds item pairs within the threshold and each pair of
/// distinct ads keeps its best (smallest) distance, as similarity 1 − distance/64 (<see cref="ImageMatch.Similarity"/>).
/// Identical hashes are collapsed first, so one stock photo on 10,000 ads costs 10,000 items, not 50 million pairs:
/// the ads sharing a hash are chained (each to the next) at similarity 1, which keeps them one family.
/// </remarks>
public static class ImageNearDuplicates
{
    /// <summary>Finds ad pairs whose photos are within <paramref name="maxDistance"/> bits.</summary>
    /// <param name="adOfImage">The ad of each image.</param>
    /// <param name="pHashes">The pHash of each image (same indexing).</param>
    /// <param name="maxDistance">Largest pHash distance treated as the same photo; default <see cref="ImageMatch.DefaultPHashThreshold"/>.</param>
    /// <returns>Pairs sorted by A then B, each with its best similarity over all photos the two ads share.</returns>
    public static IReadOnlyList<SimilarPair> Find(IReadOnlyList<int> adOfImage, IReadOnlyList<ulong> pHashes, int maxDistance = ImageMatch.DefaultPHashThreshold)
        => Best(FindFamilies(adOfImage, pHashes, maxDistance).SelectMany(f => f.Pairs));

    /// <summary>As <see cref="Find"/>, grouped by photo: a family is one photo and its variants, not the ads they chain.</summary>
    /// <remarks>
    /// Families are components of distinct hashes within <paramref name="maxDistance"/> of each other, so an ad showing a
    /// ring's own photo and a stock photo belongs to two families, and judging the stock photo (the hub rule of
    /// <see cref="NearDuplicateLinker"/>) leaves the ring photo's pairs alone.
    /// </remarks>
    /// <returns>Families with at least one pair, ordered by their smallest ad, then by their smallest hash.</returns>
    public static IReadOnlyList<PhotoFamily> FindFamilies(IReadOnlyList<int> adOfImage, IReadOnlyList<ulong> pHashes, int maxDistance = ImageMatch.DefaultPHashThreshold)
    {
        ArgumentNullException.ThrowIfNull(adOfImage);
        ArgumentNullException.ThrowIfNull(pHashes);
        if (adOfImage.Count != pHashes.Count)
        {
            throw new ArgumentException("adOfImage and pHashes differ in length", nameof(pHashes));
        }

        // Distinct hashes, each with its ads ascending.
        var byHash = new SortedDictionary<ulong, SortedSet<int>>();
        for (var i = 0; i < pHashes.Count; i++)
        {
            if (!byHash.TryGetValue(pHashes[i], out var ads))
            {
                byHash[pHashes[i]] = ads = [];
            }

            ads.Add(adOfImage[i]);
        }

        var distinct = byHash.Keys.ToArray();
        var adsOf = byHash.Values.Select(s => s.ToArray()).ToArray();
        var near = HammingSearch.FindPairs(distinct, maxDistance);
        var uf = new UnionFind(distinct.Length);
        foreach (var p in near)
        {
            uf.Union(p.A, p.B);
        }

        // Pairs per family (keyed by the root of its hashes): the ads sharing a hash are chained at distance 0, and
        // between two distinct hashes their first ads are linked (the rest chain through their own hash).
        var offers = new Dictionary<int, List<SimilarPair>>();
        void Offer(int hash, int a, int b, int distance)
        {
            if (a == b)
            {
                return;
            }

            var root = uf.Find(hash);
            if (!offers.TryGetValue(root, out var list))
            {
                offers[root] = list = [];
            }

            list.Add(new SimilarPair(Math.Min(a, b), Math.Max(a, b), 1.0 - (distance / 64.0)));
        }

        for (var h = 0; h < adsOf.Length; h++)
        {
            for (var i = 1; i < adsOf[h].Length; i++)
            {
                Offer(h, adsOf[h][i - 1], adsOf[h][i], 0);
            }
        }

        foreach (var p in near)
        {
            Offer(p.A, adsOf[p.A][0], adsOf[p.B][0], p.Distance);
        }

        // Hashes ascending, so each family's first hash is where it is first met: families ordered by smallest ad, then that.
        var members = new Dictionary<int, (int First, SortedSet<int> Ads)>();
        for (var h = 0; h < adsOf.Length; h++)
        {
            var root = uf.Find(h);
            if (offers.ContainsKey(root))
            {
                if (!members.TryGetValue(root, out var m))
                {
                    members[root] = m = (h, []);
                }

                m.Ads.UnionWith(adsOf[h]);
            }
        }

        return [.. members.Select(kv => (kv.Value.First, Ads: kv.Value.Ads.ToArray(), Root: kv.Key))
            .OrderBy(f => f.Ads[0]).ThenBy(f => f.First)
            .Select(f => new PhotoFamily(f.Ads, Best(offers[f.Root])))];
    }

    /// <summary>Each ad pair once, with its best similarity, sorted by A then B.</summary>
    private static SimilarPair[] Best(IEnumerable<SimilarPair> pairs)
    {
        var best = new Dictionary<(int, int), double>();
        foreach (var p in pairs)
        {
            if (!best.TryGetValue((p.A, p.B), out var s) || p.Similarity > s)
            {
                best[(p.A, p.B)] = p.Similarity;
            }
        }

        return [.. best.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2).Select(kv => new SimilarPair(kv.Key.Item1, kv.Key.Item2, kv.Value))];
    }
}
