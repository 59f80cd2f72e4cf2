using System.Numerics;
using System.Runtime.InteropServices;

namespace NetworkAnalysis.Core.Similarity;

/// <summary>Finds ads written from the same template: MinHash signatures, LSH banding, exact Jaccard verification.</summary>
/// <remarks>
/// Each ad's text becomes a set of word shingles with identifiers masked (<see cref="TemplateShingler"/>). The
/// signature holds Bands × Rows MinHash values, one per permutation h_i(x) = mix(a_i·x + b_i) over 32-bit shingle
/// hashes (a_i odd, from a <see cref="Random"/> seeded by <see cref="TemplateOptions.Seed"/>; mix is an invertible
/// xor-shift, so each h_i is a permutation of 32-bit values). Ads whose signatures agree on all rows of any band
/// are candidates (Broder 1997; Leskovec, Rajaraman and Ullman, Mining of Massive Datasets, ch. 3); candidates are
/// verified with the exact Jaccard similarity of their shingle sets, by default weighted by each shingle's inverse
/// document frequency in the batch (<see cref="TemplateOptions.IdfWeighted"/>), so sentences that many unrelated ads
/// share count less than a template's own wording. Output does not depend on parallelism.
/// </remarks>
public sealed class TemplateDetector
{
    private readonly TemplateOptions _options;
    private readonly uint[] _a;
    private readonly uint[] _b;
    private readonly int _k;

    /// <summary>Creates a detector; the permutations are drawn from <see cref="TemplateOptions.Seed"/>.</summary>
    public TemplateDetector(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShingleWords, 1);
        _options = options;
        var vector = Vector<uint>.Count;
        _k = (options.Bands * options.Rows + vector - 1) / vector * vector;
        var rng = new Random(options.Seed);
        _a = new uint[_k];
        _b = new uint[_k];
        for (var i = 0; i < _k; i++)
        {
            _a[i] = (uint)rng.Next() | 1u | ((uint)rng.Next(2) << 31);
            _b[i] = (uint)rng.Next() ^ ((uint)rng.Next(2) << 31);
        }
    }

    /// <summary>Signatures and shingle sets of a batch of ads.</summary>
    /// <param name="Signatures">Row-major, <see cref="Width"/> values per ad; all uint.MaxValue for an unsigned ad.</param>
    /// <param name="Shingles">Sorted distinct shingle hashes of every ad, back to back.</param>
    /// <param name="Offsets">Ad i's shingles are <c>Shingles[Offsets[i]..Offsets[i+1]]</c>.</param>
    /// <param name="Width">Values per signature (Bands × Rows, rounded up to the vector width).</param>
    /// <param name="IsSigned">Per ad: whether it had enough shingles to be signed.</param>
    public sealed record Signed(uint[] Signatures, uint[] Shingles, long[] Offsets, int Width, bool[] IsSigned);

    /// <summary>Shingles and signs every ad.</summary>
    /// <param name="texts">Original ad texts, indexed by dense ad index.</param>
    /// <param name="masks">Identifier spans per ad (same indexing); may be empty lists.</param>
    public Signed Sign(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<TextMask>> masks)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(masks);
        if (texts.Count != masks.Count)
        {
            throw new ArgumentException("texts and masks differ in length", nameof(masks));
        }

        var n = texts.Count;
        var signatures = new uint[(long)n * _k];
        var isSigned = new bool[n];
        var chunk = Math.Max(1, Math.Min(8192, (n / Math.Max(1, _options.Parallelism * 8)) + 1));
        var chunks = (n + chunk - 1) / chunk;
        var shingleChunks = new List<uint>[chunks];
        var counts = new int[n];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, c =>
        {
            var local = new List<uint>();
            var tokens = new List<ulong>();
            for (var i = c * chunk; i < Math.Min(n, (c + 1) * chunk); i++)
            {
                var before = local.Count;
                TemplateShingler.Shingle(texts[i], masks[i], _options.ShingleWords, local, tokens);
                counts[i] = local.Count - before;
                var signature = signatures.AsSpan((int)((long)i * _k), _k);
                if (counts[i] >= _options.MinShingles)
                {
                    isSigned[i] = true;
                    MinHash(CollectionsMarshal.AsSpan(local)[before..], signature);
                }
                else
                {
                    signature.Fill(uint.MaxValue);
                }
            }

            shingleChunks[c] = local;
        });

        var offsets = new long[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
        }

        var shingles = new uint[offsets[n]];
        long at = 0;
        foreach (var list in shingleChunks)
        {
            CollectionsMarshal.AsSpan(list).CopyTo(shingles.AsSpan((int)at));
            at += list.Count;
        }

        return new Signed(signatures, shingles, offsets, _k, isSigned);
    }

    private void MinHash(ReadOnlySpan<uint> shingles, Span<uint> signature)
    {
        var a = MemoryMarshal.Cast<uint, Vector<uint>>(_a.AsSpan());
        var b = MemoryMarshal.Cast<uint, Vector<uint>>(_b.AsSpan());
        var sig = MemoryMarshal.Cast<uint, Vector<uint>>(signature);
        sig.Fill(new Vector<uint>(uint.MaxValue));
        foreach (var x in shingles)
        {
            var vx = new Vector<uint>(x);
            for (var v = 0; v < sig.Length; v++)
            {
                var h = (a[v] * vx) + b[v];
                h ^= h >>> 15;
                sig[v] = Vector.Min(sig[v], h);
            }
        }
    }

    /// <summary>Distinct candidate pairs (a &lt; b, encoded a·2³² + b, ascending) whose signatures share a band.</summary>
    public ulong[] Band(Signed signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var n = signed.IsSigned.Length;
        var perBand = new ulong[_options.Bands][];
        Parallel.For(0, _options.Bands, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, band =>
        {
            var keys = new ulong[n];
            var ads = new int[n];
            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (!signed.IsSigned[i])
                {
                    continue;
                }

                var row = signed.Signatures.AsSpan((int)(((long)i * signed.Width) + (band * _options.Rows)), _options.Rows);
                var key = 0x9E3779B97F4A7C15UL * (ulong)(band + 1);
                foreach (var v in row)
                {
                    key = (key ^ v) * 0xBF58476D1CE4E5B9UL;
                    key ^= key >> 31;
                }

                keys[m] = key;
                ads[m++] = i;
            }

            Array.Sort(keys, ads, 0, m);
            var pairs = new List<ulong>();
            var s = 0;
            while (s < m)
            {
                var e = s + 1;
                while (e < m && keys[e] == keys[s])
                {
                    e++;
                }

                if (e - s > 1)
                {
                    EmitBucket(ads.AsSpan(s, e - s), pairs);
                }

                s = e;
            }

            perBand[band] = [.. pairs];
        });

        var all = new ulong[perBand.Sum(p => (long)p.Length)];
        long at = 0;
        foreach (var p in perBand)
        {
            p.CopyTo(all, at);
            at += p.Length;
        }

        Array.Sort(all);
        var write = 0;
        for (var read = 0; read < all.Length; read++)
        {
            if (write == 0 || all[read] != all[write - 1])
            {
                all[write++] = all[read];
            }
        }

        Array.Resize(ref all, write);
        return all;
    }

    private void EmitBucket(Span<int> ads, List<ulong> pairs)
    {
        ads.Sort();
        if (ads.Length <= _options.MaxBucketPairs)
        {
            for (var x = 0; x < ads.Length; x++)
            {
                for (var y = x + 1; y < ads.Length; y++)
                {
                    pairs.Add(((ulong)(uint)ads[x] << 32) | (uint)ads[y]);
                }
            }
        }
        else
        {
            // Star around the first ad: keeps the family connected with n − 1 pairs instead of n(n − 1)/2.
            for (var y = 1; y < ads.Length; y++)
            {
                pairs.Add(((ulong)(uint)ads[0] << 32) | (uint)ads[y]);
            }
        }
    }

    /// <summary>Keeps the candidates whose exact (by default IDF-weighted) Jaccard similarity reaches <see cref="TemplateOptions.MinJaccard"/> (or whose
    /// containment reaches <see cref="TemplateOptions.MinContainment"/>), and with <see cref="TemplateOptions.SupportedJaccard"/>
    /// the lower pairs that are supported (<see cref="Supported"/>).</summary>
    public IReadOnlyList<SimilarPair> Verify(Signed signed, ulong[] candidates)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(candidates);
        var result = new List<SimilarPair>();
        var weak = new List<bool>();
        var low = Math.Min(_options.MinJaccard, _options.SupportedJaccard ?? _options.MinJaccard);
        var idf = _options.IdfWeighted ? ShingleWeights(signed) : null;
        foreach (var c in candidates)
        {
            var a = (int)(c >> 32);
            var b = (int)(uint)c;
            // One merge of the two sorted sets: weighted, or plain (plain also when containment needs the counts).
            var (both, sizeA, sizeB) = idf is null || _options.MinContainment is not null ? Overlap(signed, a, b) : default;
            var j = idf is not null ? WeightedJaccard(signed, idf, a, b) : sizeA + sizeB == 0 ? 0 : (double)both / (sizeA + sizeB - both);
            var strong = j >= _options.MinJaccard;
            if (!strong && _options.MinContainment is { } minContainment && Math.Min(sizeA, sizeB) > 0)
            {
                var small = Math.Min(sizeA, sizeB);
                strong = (double)both / small >= minContainment && (double)small / Math.Max(sizeA, sizeB) >= _options.MinSizeRatio;
            }

            if (strong || j >= low)
            {
                result.Add(new SimilarPair(a, b, j));
                if (_options.SupportedJaccard is not null)
                {
                    weak.Add(!strong);
                }
            }
        }

        return _options.SupportedJaccard is null ? result : Supported(signed.IsSigned.Length, result, weak);
    }

    /// <summary>The strong pairs, and the weak pairs between two strong-pair components joined by enough weak pairs.</summary>
    private List<SimilarPair> Supported(int n, List<SimilarPair> pairs, List<bool> weak)
    {
        var uf = new Graphs.UnionFind(n);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!weak[i])
            {
                uf.Union(pairs[i].A, pairs[i].B);
            }
        }

        // Per pair of components: the weak pairs between them and the distinct ads of the smaller side they touch.
        var between = new Dictionary<(int, int), (int Pairs, HashSet<int> AdsA, HashSet<int> AdsB)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!weak[i])
            {
                continue;
            }

            var (ra, rb) = (uf.Find(pairs[i].A), uf.Find(pairs[i].B));
            if (ra == rb)
            {
                continue;
            }

            var (x, y, ax, ay) = ra < rb ? (ra, rb, pairs[i].A, pairs[i].B) : (rb, ra, pairs[i].B, pairs[i].A);
            if (!between.TryGetValue((x, y), out var entry))
            {
                entry = (0, [], []);
            }

            entry.AdsA.Add(ax);
            entry.AdsB.Add(ay);
            between[(x, y)] = (entry.Pairs + 1, entry.AdsA, entry.AdsB);
        }

        // Per ad and component: the ad's weak pairs into that component (for the per-ad rule).
        var adInto = new Dictionary<(int Ad, int Root), int>();
        if (_options.SupportPerAd)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                if (weak[i])
                {
                    var (a, b) = (pairs[i].A, pairs[i].B);
                    adInto[(a, uf.Find(b))] = adInto.GetValueOrDefault((a, uf.Find(b))) + 1;
                    adInto[(b, uf.Find(a))] = adInto.GetValueOrDefault((b, uf.Find(a))) + 1;
                }
            }
        }

        // Per ad: its most similar partner over all verified pairs (ties to the lower index), for the mutual-nearest rule.
        var best = new Dictionary<int, (double J, int Other)>();
        if (_options.MutualNearest)
        {
            foreach (var p in pairs)
            {
                Offer(p.A, p.B, p.Similarity);
                Offer(p.B, p.A, p.Similarity);
            }
        }

        var result = new List<SimilarPair>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (weak[i])
            {
                var (ra, rb) = (uf.Find(pairs[i].A), uf.Find(pairs[i].B));
                if (ra != rb && _options.MutualNearest)
                {
                    if (best[pairs[i].A].Other != pairs[i].B || best[pairs[i].B].Other != pairs[i].A)
                    {
                        continue;
                    }
                }
                else if (ra != rb && _options.SupportPerAd)
                {
                    // The ad joins the other family only with enough pairs into it (a family smaller than that cannot be joined).
                    if (adInto[(pairs[i].A, rb)] < _options.MinSupport && adInto[(pairs[i].B, ra)] < _options.MinSupport)
                    {
                        continue;
                    }
                }
                else if (ra != rb)
                {
                    var (x, y) = ra < rb ? (ra, rb) : (rb, ra);
                    var entry = between[(x, y)];
                    var share = Math.Min((double)entry.AdsA.Count / uf.SizeOf(x), (double)entry.AdsB.Count / uf.SizeOf(y));
                    if (entry.Pairs < _options.MinSupport || share < _options.MinSupportShare)
                    {
                        continue;
                    }
                }
            }

            result.Add(pairs[i]);
        }

        return result;

        void Offer(int ad, int other, double j)
        {
            if (!best.TryGetValue(ad, out var b) || j > b.J || (j == b.J && other < b.Other))
            {
                best[ad] = (j, other);
            }
        }
    }

    /// <summary>Signs, bands and verifies in one call.</summary>
    public TemplateDetectionResult Detect(IReadOnlyList<string> texts, IReadOnlyList<IReadOnlyList<TextMask>> masks)
    {
        var signed = Sign(texts, masks);
        var candidates = Band(signed);
        var pairs = Verify(signed, candidates);
        return new TemplateDetectionResult(pairs, candidates.LongLength, signed.IsSigned.Count(s => s));
    }

    /// <summary>Exact Jaccard similarity of two ads' shingle sets, in [0,1].</summary>
    public static double Jaccard(Signed signed, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var (both, x, y) = Overlap(signed, a, b);
        return x + y == 0 ? 0 : (double)both / (x + y - both);
    }

    /// <summary>Inverse document frequency of every stored shingle (parallel to <see cref="Signed.Shingles"/>):
    /// ln(signed ads / signed ads containing it), so wording shared by many ads weighs little. Depends only on the batch.</summary>
    public static float[] ShingleWeights(Signed signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var n = signed.Shingles.Length;
        var keys = new uint[n];
        var index = new int[n];
        var m = 0;
        var ads = 0;
        for (var i = 0; i < signed.IsSigned.Length; i++)
        {
            if (!signed.IsSigned[i])
            {
                continue;
            }

            ads++;
            for (var k = signed.Offsets[i]; k < signed.Offsets[i + 1]; k++)
            {
                keys[m] = signed.Shingles[k];
                index[m++] = (int)k;
            }
        }

        Array.Sort(keys, index, 0, m);
        var weights = new float[n];
        var s = 0;
        while (s < m)
        {
            var e = s + 1;
            while (e < m && keys[e] == keys[s])
            {
                e++;
            }

            var w = (float)(Math.Log((double)ads / (e - s)) + 1e-3);
            for (var k = s; k < e; k++)
            {
                weights[index[k]] = w;
            }

            s = e;
        }

        return weights;
    }

    /// <summary>Weighted Jaccard of two ads: Σ weight of shared shingles / Σ weight of the shingles of either.</summary>
    public static double WeightedJaccard(Signed signed, float[] weights, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(weights);
        int i = (int)signed.Offsets[a], iEnd = (int)signed.Offsets[a + 1], j = (int)signed.Offsets[b], jEnd = (int)signed.Offsets[b + 1];
        double both = 0, either = 0;
        var x = signed.Shingles;
        while (i < iEnd && j < jEnd)
        {
            if (x[i] == x[j])
            {
                both += weights[i];
                either += weights[i];
                i++;
                j++;
            }
            else if (x[i] < x[j])
            {
                either += weights[i++];
            }
            else
            {
                either += weights[j++];
            }
        }

        while (i < iEnd)
        {
            either += weights[i++];
        }

        while (j < jEnd)
        {
            either += weights[j++];
        }

        return either == 0 ? 0 : both / either;
    }

    /// <summary>Shared shingles of two ads and each one's number of shingles.</summary>
    private static (int Both, int SizeA, int SizeB) Overlap(Signed signed, int a, int b)
    {
        var x = signed.Shingles.AsSpan((int)signed.Offsets[a], (int)(signed.Offsets[a + 1] - signed.Offsets[a]));
        var y = signed.Shingles.AsSpan((int)signed.Offsets[b], (int)(signed.Offsets[b + 1] - signed.Offsets[b]));
        int i = 0, j = 0, both = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                both++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (both, x.Length, y.Length);
    }
}
