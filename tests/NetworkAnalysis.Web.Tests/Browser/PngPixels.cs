using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>Just enough PNG decoding (8-bit RGB/RGBA, not interlaced: what Chromium writes) to tell a blank screenshot from a real one.</summary>
internal static class PngPixels
{
    /// <summary>Variance of pixel luminance (0..255 scale); a blank image gives 0.</summary>
    public static double LuminanceVariance(byte[] png)
    {
        var (width, height, channels, pixels) = Decode(png);
        double sum = 0, sumSq = 0;
        var n = (long)width * height;
        for (long i = 0; i < n; i++)
        {
            var p = i * channels;
            var y = (0.299 * pixels[p]) + (0.587 * pixels[p + 1]) + (0.114 * pixels[p + 2]);
            sum += y;
            sumSq += y * y;
        }

        var mean = sum / n;
        return (sumSq / n) - (mean * mean);
    }

    /// <summary>How many distinct colours the image holds (capped at 10,000).</summary>
    public static int DistinctColours(byte[] png)
    {
        var (width, height, channels, pixels) = Decode(png);
        var colours = new HashSet<int>();
        for (long i = 0; i < (long)width * height && colours.Count < 10_000; i++)
        {
            var p = i * channels;
            colours.Add((pixels[p] << 16) | (pixels[p + 1] << 8) | pixels[p + 2]);
        }

        return colours.Count;
    }

    private static (int Width, int Height, int Channels, byte[] Pixels) Decode(byte[] png)
    {
        var at = 8;
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (data[8] == 8 && data[12] == 0).ShouldBeTrue("only 8-bit, non-interlaced PNG");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException("colour type " + data[9]) };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var pixels = new byte[stride * height];
        for (var row = 0; row < height; row++)
        {
            var filter = raw[row * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[(row * stride) + x - channels] : 0;
                int b = row > 0 ? pixels[((row - 1) * stride) + x] : 0;
                int c = x >= channels && row > 0 ? pixels[((row - 1) * stride) + x - channels] : 0;
                int v = raw[(row * (stride + 1)) + 1 + x];
                pixels[(row * stride) + x] = (byte)(filter switch
                {
                    0 => v,
                    1 => v + a,
                    2 => v + b,
                    3 => v + ((a + b) / 2),
                    4 => v + Paeth(a, b, c),
                    _ => throw new InvalidDataException("filter " + filter),
                });
            }
        }

        return (width, height, channels, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
