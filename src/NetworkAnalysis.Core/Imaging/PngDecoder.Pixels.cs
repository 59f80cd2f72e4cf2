namespace NetworkAnalysis.Core.Imaging;

internal static partial class PngDecoder
{
    // Adam7 pass origins and steps (x0, y0, dx, dy), PNG spec section 8.2.
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Adam7 =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    private static IEnumerable<(int Width, int Height)> Passes(Header h)
    {
        if (!h.Interlaced)
        {
            yield return (h.Width, h.Height);
            yield break;
        }

        foreach (var (x0, y0, dx, dy) in Adam7)
        {
            yield return ((h.Width - x0 + dx - 1) / dx, (h.Height - y0 + dy - 1) / dy);
        }
    }

    private static RgbImage? Deinterlace(byte[] raw, Header h, byte[]? palette)
    {
        var full = new RgbImage(h.Width, h.Height);
        var offset = 0;
        var pass = 0;
        foreach (var (w, hh) in Passes(h))
        {
            var (x0, y0, dx, dy) = Adam7[pass++];
            if (w == 0 || hh == 0)
            {
                continue;
            }

            var sub = ToRgb(raw, offset, h, w, hh, palette, out var consumed);
            if (sub is null)
            {
                return null;
            }

            offset += consumed;
            for (var y = 0; y < hh; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var s = (y * w + x) * 3;
                    var d = ((y0 + y * dy) * h.Width + x0 + x * dx) * 3;
                    full.Pixels[d] = sub.Pixels[s];
                    full.Pixels[d + 1] = sub.Pixels[s + 1];
                    full.Pixels[d + 2] = sub.Pixels[s + 2];
                }
            }
        }

        return full;
    }

    /// <summary>Unfilters <paramref name="height"/> scanlines in place and converts them to RGB.</summary>
    private static RgbImage? ToRgb(byte[] raw, int offset, Header h, int width, int height, byte[]? palette, out int consumed)
    {
        var stride = Stride(h, width);
        var bpp = Math.Max(1, h.BitsPerPixel / 8);
        consumed = height * (stride + 1);
        var image = new RgbImage(width, height);
        var prior = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var start = offset + y * (stride + 1);
            var line = raw.AsSpan(start + 1, stride);
            if (!Unfilter(raw[start], line, prior, bpp))
            {
                return null;
            }

            if (!ConvertLine(line, h, width, palette, image.Pixels.AsSpan(y * width * 3, width * 3)))
            {
                return null;
            }

            line.CopyTo(prior);
        }

        return image;
    }

    internal static bool Unfilter(byte filter, Span<byte> line, ReadOnlySpan<byte> prior, int bpp)
    {
        switch (filter)
        {
            case 0:
                return true;
            case 1:
                for (var i = bpp; i < line.Length; i++)
                {
                    line[i] += line[i - bpp];
                }

                return true;
            case 2:
                for (var i = 0; i < line.Length; i++)
                {
                    line[i] += prior[i];
                }

                return true;
            case 3:
                for (var i = 0; i < line.Length; i++)
                {
                    var left = i >= bpp ? line[i - bpp] : 0;
                    line[i] += (byte)((left + prior[i]) >> 1);
                }

                return true;
            case 4:
                for (var i = 0; i < line.Length; i++)
                {
                    int a = i >= bpp ? line[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
                    line[i] += (byte)Paeth(a, b, c);
                }

                return true;
            default:
                return false;
        }
    }

    internal static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static bool ConvertLine(ReadOnlySpan<byte> line, Header h, int width, byte[]? palette, Span<byte> rgb)
    {
        var channels = h.Channels;
        var depth = h.BitDepth;
        for (var x = 0; x < width; x++)
        {
            byte r, g, b;
            if (depth < 8)
            {
                var bit = x * depth;
                var v = (line[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
                if (h.ColorType == 3)
                {
                    if ((v * 3) + 2 >= palette!.Length)
                    {
                        return false;
                    }

                    (r, g, b) = (palette[v * 3], palette[v * 3 + 1], palette[v * 3 + 2]);
                }
                else
                {
                    r = g = b = (byte)(v * 255 / ((1 << depth) - 1));
                }
            }
            else
            {
                var bytes = depth / 8;
                var p = x * channels * bytes;

                // 16-bit samples keep their most significant byte.
                var c0 = line[p];
                if (h.ColorType == 3)
                {
                    if ((c0 * 3) + 2 >= palette!.Length)
                    {
                        return false;
                    }

                    (r, g, b) = (palette[c0 * 3], palette[c0 * 3 + 1], palette[c0 * 3 + 2]);
                }
                else if (channels >= 3)
                {
                    (r, g, b) = (c0, line[p + bytes], line[p + 2 * bytes]);
                }
                else
                {
                    r = g = b = c0;
                }
            }

            rgb[x * 3] = r;
            rgb[x * 3 + 1] = g;
            rgb[x * 3 + 2] = b;
        }

        return true;
    }
}
