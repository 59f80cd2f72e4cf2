using System.Numerics;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>All pairs of 64-bit hashes within a Hamming distance, by multi-index hashing (sub-quadratic).</summary>
/// <remarks>
/// Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing",
/// CVPR 2012) with a generalised pigeonhole rule: the 64 bits are split into m contiguous blocks and block i is
/// given a radius r_i with Σ(r_i + 1) ≥ d + 1. If two hashes are within d bits, some block i differs in at most
/// r_i bits (otherwise the total is at least Σ(r_i + 1) &gt; d). Per block the hashes are bucketed by the
/// block's bits (counting sort into CSR arrays); for every flip mask of at most r_i bits, each bucket k is
/// compared with bucket k XOR mask, and each candidate is verified with a popcount of the whole hash.
/// A pair is reported by the first block in which it is a candidate only, so no set is needed to de-duplicate,
/// and the output is sorted by (A, B): the result is exact and deterministic whatever the parallelism.
/// With m ≈ 64 / (log2(n) − 4) the buckets hold about 16 hashes each, and the work is about
/// n × Σ V(b_i, r_i) × 16 popcounts (V = Hamming ball volume) instead of n²/2. Identical hashes are pairs too (distance 0): n copies of one
/// hash give n(n−1)/2 pairs, so callers group exact duplicates first when a value can be very common.
/// </remarks>
public static class HammingSearch
{
    /// <summary>Largest block width, in bits (bounds the offset table to 2^24 + 1 ints).</summary>
    private const int MaxBlockBits = 24;

    /// <summary>Finds every pair (A &lt; B) of <paramref name="hashes"/> within <paramref name="maxDistance"/> bits.</summary>
    /// <param name="hashes">The hashes; the item index is the position.</param>
    /// <param name="maxDistance">Largest Hamming distance reported, 0..64.</param>
    /// <param name="blocks">Number of blocks (1..64); 0 chooses about 64 / (log2(n) − 4).</param>
    /// <param name="parallelism">Blocks searched at once (1 = single-threaded).</param>
    /// <returns>The pairs, sorted by A then B.</returns>
    public static IReadOnlyList<HammingPair> FindPairs(IReadOnlyList<ulong> hashes, int maxDistance, int blocks = 0, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDistance, 64);
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks, 64);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var n = hashes.Count;
        if (n < 2)
        {
            return [];
        }

        var values = hashes as ulong[] ?? [.. hashes];
        var layout = Plan(n, maxDistance, blocks);
        var results = new List<HammingPair>[layout.Length];
        Parallel.For(0, layout.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            b => results[b] = SearchBlock(values, maxDistance, layout, b));
        var all = new List<HammingPair>(results.Sum(r => r.Count));
        foreach (var r in results)
        {
            all.AddRange(r);
        }

        all.Sort(static (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return all;
    }

    /// <summary>The block layout (start bit, width, radius) for <paramref name="n"/> hashes.</summary>
    internal static (int Start, int Bits, int Radius)[] Plan(int n, int maxDistance, int blocks)
    {
        var m = blocks;
        if (m == 0)
        {
            // Buckets of about 16 hashes: scanning a short contiguous bucket is cheaper than probing many
            // near-empty ones (measured at 1M: 4 blocks of 16 bits take half the CPU of 3 blocks of 21-22 bits).
            var log = Math.Max(8.0, Math.Log2(n) - 4);
            m = (int)Math.Round(64 / log);
        }

        m = Math.Clamp(m, (64 + MaxBlockBits - 1) / MaxBlockBits, 64);
        m = Math.Min(m, Math.Max(maxDistance + 1, (64 + MaxBlockBits - 1) / MaxBlockBits));
        var layout = new (int Start, int Bits, int Radius)[m];
        var start = 0;
        for (var i = 0; i < m; i++)
        {
            var bits = (64 / m) + (i < 64 % m ? 1 : 0);
            layout[i] = (start, bits, 0);
            start += bits;
        }

        // Σ(r_i + 1) ≥ d + 1: spread the d + 1 − m extra radius evenly, the wider (earlier) blocks first.
        var extra = Math.Max(0, maxDistance + 1 - m);
        for (var i = 0; i < m; i++)
        {
            layout[i].Radius = (extra / m) + (i < extra % m ? 1 : 0);
        }

        return layout;
    }

    private static List<HammingPair> SearchBlock(ulong[] values, int d, (int Start, int Bits, int Radius)[] layout, int block)
    {
        var (start, bits, radius) = layout[block];
        var n = values.Length;
        var keyMask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var size = 1 << bits;
        var offsets = new int[size + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[(int)((values[i] >> start) & keyMask) + 1]++;
        }

        var distinct = 0;
        for (var k = 0; k < size; k++)
        {
            if (offsets[k + 1] != 0)
            {
                distinct++;
            }

            offsets[k + 1] += offsets[k];
        }

        var keys = new int[distinct];
        for (int k = 0, j = 0; k < size; k++)
        {
            if (offsets[k + 1] != offsets[k])
            {
                keys[j++] = k;
            }
        }

        // Counting sort, stable: inside a bucket the items stay in index order.
        var sorted = new ulong[n];
        var index = new int[n];
        var cursor = new int[size];
        Array.Copy(offsets, cursor, size);
        for (var i = 0; i < n; i++)
        {
            var k = (int)((values[i] >> start) & keyMask);
            var at = cursor[k]++;
            sorted[at] = values[i];
            index[at] = i;
        }

        cursor = null;
        var earlier = new (ulong Mask, int Radius)[block];
        for (var j = 0; j < block; j++)
        {
            var w = layout[j].Bits == 64 ? ulong.MaxValue : ((1UL << layout[j].Bits) - 1) << layout[j].Start;
            earlier[j] = (w, layout[j].Radius);
        }

        var pairs = new List<HammingPair>();

        // Flip mask 0: pairs inside one bucket.
        foreach (var k in keys)
        {
            for (var x = offsets[k]; x < offsets[k + 1]; x++)
            {
                for (var y = x + 1; y < offsets[k + 1]; y++)
                {
                    Check(sorted[x], sorted[y], index[x], index[y], d, earlier, pairs);
                }
            }
        }

        // Other masks: bucket k against bucket k ^ mask, once per unordered bucket pair (k lacks the mask's top bit).
        // Masks outside, buckets inside: k ^ mask walks the offset table almost in order, which the cache likes.
        foreach (var mask in FlipMasks(bits, radius))
        {
            var top = 1 << (31 - BitOperations.LeadingZeroCount((uint)mask));
            foreach (var k in keys)
            {
                if ((k & top) != 0)
                {
                    continue;
                }

                var k2 = k ^ mask;
                var s2 = offsets[k2];
                var e2 = offsets[k2 + 1];
                if (s2 == e2)
                {
                    continue;
                }

                for (var x = offsets[k]; x < offsets[k + 1]; x++)
                {
                    var hx = sorted[x];
                    for (var y = s2; y < e2; y++)
                    {
                        if (BitOperations.PopCount(hx ^ sorted[y]) <= d)
                        {
                            Check(hx, sorted[y], index[x], index[y], d, earlier, pairs);
                        }
                    }
                }
            }
        }

        return pairs;
    }

    private static void Check(ulong a, ulong b, int ia, int ib, int d, (ulong Mask, int Radius)[] earlier, List<HammingPair> pairs)
    {
        var diff = a ^ b;
        var dist = BitOperations.PopCount(diff);
        if (dist > d)
        {
            return;
        }

        // Reported by an earlier block already when it was a candidate there.
        foreach (var (mask, radius) in earlier)
        {
            if (BitOperations.PopCount(diff & mask) <= radius)
            {
                return;
            }
        }

        pairs.Add(ia < ib ? new HammingPair(ia, ib, dist) : new HammingPair(ib, ia, dist));
    }

    /// <summary>All non-zero masks of <paramref name="bits"/> bits with at most <paramref name="radius"/> bits set, ascending by popcount.</summary>
    internal static List<int> FlipMasks(int bits, int radius)
    {
        var masks = new List<int>();
        for (var r = 1; r <= Math.Min(radius, bits); r++)
        {
            // Gosper's hack: the next integer with the same popcount.
            var m = (1 << r) - 1;
            while (m < (1 << bits))
            {
                masks.Add(m);
                var c = m & -m;
                var next = m + c;
                m = (((next ^ m) >> 2) / c) | next;
            }
        }

        return masks;
    }
}
