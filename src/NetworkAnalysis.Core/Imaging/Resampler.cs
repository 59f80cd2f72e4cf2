namespace NetworkAnalysis.Core.Imaging;

/// <summary>Separable, antialiased Lanczos-3 resize of 8-bit planes, computed like Pillow's <c>Image.resize(LANCZOS)</c>.</summary>
/// <remarks>
/// Pillow widens the kernel by the reduction factor (so shrinking averages every source pixel), runs the horizontal
/// pass first and rounds to 8 bits between passes; doing the same keeps our hashes within a few bits of imagehash's.
/// </remarks>
internal static class Resampler
{
    private const double Support = 3.0;

    /// <summary>Resizes an interleaved plane of <paramref name="channels"/> bytes per pixel.</summary>
    public static byte[] Resize(byte[] src, int width, int height, int channels, int outWidth, int outHeight)
    {
        var temp = outWidth == width ? src : Pass(src, width, height, channels, outWidth, horizontal: true);
        return outHeight == height ? (temp == src ? (byte[])src.Clone() : temp) : Pass(temp, outWidth, height, channels, outHeight, horizontal: false);
    }

    private static byte[] Pass(byte[] src, int width, int height, int channels, int outSize, bool horizontal)
    {
        var inSize = horizontal ? width : height;
        var (starts, weights, taps) = Coefficients(inSize, outSize);
        var outW = horizontal ? outSize : width;
        var outH = horizontal ? height : outSize;
        var dst = new byte[outW * outH * channels];
        var rowStride = width * channels;
        for (var y = 0; y < outH; y++)
        {
            for (var x = 0; x < outW; x++)
            {
                var o = horizontal ? x : y;
                var start = starts[o];
                var wBase = o * taps;
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0.0;
                    for (var k = 0; k < taps; k++)
                    {
                        var wgt = weights[wBase + k];
                        if (wgt == 0)
                        {
                            continue;
                        }

                        var i = start + k;
                        var idx = horizontal ? y * rowStride + i * channels + c : i * rowStride + x * channels + c;
                        sum += wgt * src[idx];
                    }

                    dst[(y * outW + x) * channels + c] = (byte)Math.Clamp((int)Math.Round(sum, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
        }

        return dst;
    }

    private static (int[] Starts, double[] Weights, int Taps) Coefficients(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = Support * filterScale;
        var taps = (int)Math.Ceiling(support) * 2 + 1;
        var starts = new int[outSize];
        var weights = new double[outSize * taps];
        for (var o = 0; o < outSize; o++)
        {
            var center = (o + 0.5) * scale;
            var min = Math.Max((int)(center - support + 0.5), 0);
            var max = Math.Min((int)(center + support + 0.5), inSize);
            starts[o] = min;
            var total = 0.0;
            for (var i = min; i < max && i - min < taps; i++)
            {
                var w = Lanczos((i - center + 0.5) / filterScale);
                weights[o * taps + i - min] = w;
                total += w;
            }

            for (var k = 0; k < taps && total != 0; k++)
            {
                weights[o * taps + k] /= total;
            }
        }

        return (starts, weights, taps);
    }

    private static double Lanczos(double x) => Math.Abs(x) < Support ? Sinc(x) * Sinc(x / Support) : 0;

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
}
