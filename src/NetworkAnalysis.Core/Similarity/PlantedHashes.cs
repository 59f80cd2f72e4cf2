namespace NetworkAnalysis.Core.Similarity;

/// <summary>Random 64-bit hashes with planted near-duplicate groups, for tests and benchmarks of <see cref="HammingSearch"/>.</summary>
internal static class PlantedHashes
{
    /// <summary>
    /// <paramref name="count"/> hashes: uniform random ones, except that every <paramref name="groupEvery"/>-th
    /// position starts a group of <paramref name="groupSize"/> copies of one hash, each with up to
    /// <paramref name="maxFlips"/> random bits flipped. Positions are shuffled so groups are not contiguous.
    /// </summary>
    public static ulong[] Generate(int count, int seed, int groupEvery = 20, int groupSize = 4, int maxFlips = 8)
    {
        var rng = new Random(seed);
        var hashes = new ulong[count];
        var i = 0;
        while (i < count)
        {
            var h = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
            if (groupEvery > 0 && i % groupEvery == 0)
            {
                for (var g = 0; g < groupSize && i < count; g++)
                {
                    var v = h;
                    var flips = rng.Next(maxFlips + 1);
                    for (var f = 0; f < flips; f++)
                    {
                        v ^= 1UL << rng.Next(64);
                    }

                    hashes[i++] = v;
                }
            }
            else
            {
                hashes[i++] = h;
            }
        }

        rng.Shuffle(hashes);
        return hashes;
    }
}
