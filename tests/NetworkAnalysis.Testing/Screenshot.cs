using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Testing;

/// <summary>Measures a PNG screenshot (decoded by the Core PNG decoder) to tell a blank page from a drawn one.</summary>
public static class Screenshot
{
    /// <summary>Size, variance of luminance (0..255 scale; a blank image gives 0) and distinct colours (capped at 10,000).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a PNG the decoder can read.</exception>
    public static (int Width, int Height, double LumaVariance, int DistinctColours) Measure(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        var result = ImageCodec.Decode(png);
        if (result.Image is not { } image || result.Format != ImageFormat.Png)
        {
            throw new InvalidDataException("not a readable PNG: " + (result.Error?.Message ?? result.Format.ToString()));
        }

        var pixels = image.Pixels;
        var n = (long)image.Width * image.Height;
        double sum = 0, sumSq = 0;
        var colours = new HashSet<int>();
        for (long i = 0; i < n; i++)
        {
            var p = i * 3;
            var y = (0.299 * pixels[p]) + (0.587 * pixels[p + 1]) + (0.114 * pixels[p + 2]);
            sum += y;
            sumSq += y * y;
            if (colours.Count < 10_000)
            {
                colours.Add((pixels[p] << 16) | (pixels[p + 1] << 8) | pixels[p + 2]);
            }
        }

        var mean = n == 0 ? 0 : sum / n;
        return (image.Width, image.Height, n == 0 ? 0 : (sumSq / n) - (mean * mean), colours.Count);
    }
}
