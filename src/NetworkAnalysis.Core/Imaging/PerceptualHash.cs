namespace NetworkAnalysis.Core.Imaging;

/// <summary>imagehash's average, difference and perceptual (DCT) hashes over a luma plane, as bit arrays of any size.</summary>
/// <remarks>
/// Definitions follow the Python imagehash library: luma with PIL weights, Lanczos shrink, then
/// aHash: 8×8, bit = pixel &gt; mean; dHash: 9×8, bit = right neighbour brighter; pHash: 32×32, DCT-II over rows
/// then columns, keep the top-left 8×8, bit = coefficient &gt; median. Bits are row-major.
/// </remarks>
internal static class PerceptualHash
{
    public static bool[] Average(byte[] luma, int width, int height, int size = 8)
    {
        var small = Resampler.Resize(luma, width, height, 1, size, size);
        var mean = small.Average(b => (double)b);
        return small.Select(b => b > mean).ToArray();
    }

    public static bool[] Difference(byte[] luma, int width, int height, int size = 8)
    {
        var small = Resampler.Resize(luma, width, height, 1, size + 1, size);
        var bits = new bool[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                bits[r * size + c] = small[r * (size + 1) + c + 1] > small[r * (size + 1) + c];
            }
        }

        return bits;
    }

    public static bool[] Perceptual(byte[] luma, int width, int height, int size = 8, int highFrequencyFactor = 4)
    {
        var n = size * highFrequencyFactor;
        var small = Resampler.Resize(luma, width, height, 1, n, n);
        var m = new double[n * n];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = small[i];
        }

        // scipy.fftpack.dct(dct(pixels, axis=0), axis=1); only the low size×size block is needed.
        var cos = new double[size * n];
        for (var k = 0; k < size; k++)
        {
            for (var j = 0; j < n; j++)
            {
                cos[k * n + j] = 2 * Math.Cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
            }
        }

        var cols = new double[size * n];
        for (var k = 0; k < size; k++)
        {
            for (var x = 0; x < n; x++)
            {
                var s = 0.0;
                for (var y = 0; y < n; y++)
                {
                    s += cos[k * n + y] * m[y * n + x];
                }

                cols[k * n + x] = s;
            }
        }

        var low = new double[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var k = 0; k < size; k++)
            {
                var s = 0.0;
                for (var x = 0; x < n; x++)
                {
                    s += cos[k * n + x] * cols[r * n + x];
                }

                low[r * size + k] = s;
            }
        }

        var sorted = (double[])low.Clone();
        Array.Sort(sorted);
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return low.Select(v => v > median).ToArray();
    }

    /// <summary>Packs 64 bits into a ulong, first bit most significant.</summary>
    public static ulong ToUInt64(bool[] bits)
    {
        if (bits.Length != 64)
        {
            throw new ArgumentException("Expected 64 bits.", nameof(bits));
        }

        var v = 0UL;
        foreach (var b in bits)
        {
            v = (v << 1) | (b ? 1UL : 0UL);
        }

        return v;
    }
}
