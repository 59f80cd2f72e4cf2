using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>An independent PNG decoder (8-bit RGB/RGBA, all five filters) to measure whether a screenshot is blank.</summary>
internal static class PngPixels
{
    public static (int Width, int Height, double LumaVariance, int DistinctColours) Measure(byte[] png)
    {
        BinaryPrimitives.ReadUInt64BigEndian(png).ShouldBe(0x89504E470D0A1A0AUL, "not a PNG");
        int pos = 8, width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                data[8].ShouldBe((byte)8, "bit depth");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException("colour type " + data[9]) };
                data[12].ShouldBe((byte)0, "interlace");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            pos += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * channels;
        var prev = new byte[stride];
        var cur = new byte[stride];
        double sum = 0, sum2 = 0;
        var colours = new HashSet<int>();
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            Array.Copy(bytes, (y * (stride + 1)) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
                cur[i] = (byte)(cur[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("filter " + filter),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var o = x * channels;
                var luma = (0.299 * cur[o]) + (0.587 * cur[o + 1]) + (0.114 * cur[o + 2]);
                sum += luma;
                sum2 += luma * luma;
                if (colours.Count < 10_000)
                {
                    colours.Add((cur[o] << 16) | (cur[o + 1] << 8) | cur[o + 2]);
                }
            }

            (prev, cur) = (cur, prev);
        }

        var n = (double)width * height;
        var mean = sum / n;
        return (width, height, (sum2 / n) - (mean * mean), colours.Count);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
