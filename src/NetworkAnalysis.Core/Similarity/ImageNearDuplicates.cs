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
    /// <returns>Pairs sorted by A then B.</returns>
    public static IReadOnlyList<SimilarPair> Find(IReadOnlyList<int> adOfImage, IReadOnlyList<ulong> pHashes, int maxDistance = ImageMatch.DefaultPHashThreshold)
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
        var best = new Dictionary<(int, int), int>();
        void Offer(int a, int b, int distance)
        {
            if (a == b)
            {
                return;
            }

            var key = a < b ? (a, b) : (b, a);
            if (!best.TryGetValue(key, out var d) || distance < d)
            {
                best[key] = distance;
            }
        }

        foreach (var ads in adsOf)
        {
            for (var i = 1; i < ads.Length; i++)
            {
                Offer(ads[i - 1], ads[i], 0);
            }
        }

        foreach (var p in HammingSearch.FindPairs(distinct, maxDistance))
        {
            // Between two distinct hashes, link their first ads, and chain the rest through their own hash.
            Offer(adsOf[p.A][0], adsOf[p.B][0], p.Distance);
        }

        return [.. best.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2)
            .Select(kv => new SimilarPair(kv.Key.Item1, kv.Key.Item2, 1.0 - (kv.Value / 64.0)))];
    }
}
