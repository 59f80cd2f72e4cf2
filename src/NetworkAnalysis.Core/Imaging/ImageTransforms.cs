namespace NetworkAnalysis.Core.Imaging;

/// <summary>Pixel operations used to make test variants: resize, crop, brightness/contrast, rotation.</summary>
internal static class ImageTransforms
{
    public static RgbImage Resize(RgbImage image, int width, int height) =>
        new(width, height, Resampler.Resize(image.Pixels, image.Width, image.Height, 3, width, height));

    public static RgbImage Crop(RgbImage image, int x, int y, int width, int height)
    {
        var dst = new RgbImage(width, height);
        for (var r = 0; r < height; r++)
        {
            image.Pixels.AsSpan(((y + r) * image.Width + x) * 3, width * 3).CopyTo(dst.Pixels.AsSpan(r * width * 3));
        }

        return dst;
    }

    /// <summary>v' = (v − 128) × contrast + 128 + brightness, clamped.</summary>
    public static RgbImage BrightnessContrast(RgbImage image, int brightness, double contrast)
    {
        var lut = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            lut[v] = (byte)Math.Clamp((int)Math.Round((v - 128) * contrast + 128 + brightness), 0, 255);
        }

        var dst = new byte[image.Pixels.Length];
        for (var i = 0; i < dst.Length; i++)
        {
            dst[i] = lut[image.Pixels[i]];
        }

        return new RgbImage(image.Width, image.Height, dst);
    }

    /// <summary>Rotates about the centre on the same canvas, filling uncovered pixels with black, like PIL's <c>Image.rotate</c>.</summary>
    /// <param name="image">Source.</param>
    /// <param name="degrees">Counter-clockwise angle (PIL convention: negative turns clockwise).</param>
    /// <param name="bilinear">Bilinear sampling; false samples the nearest pixel (PIL's default).</param>
    public static RgbImage Rotate(RgbImage image, double degrees, bool bilinear)
    {
        int w = image.Width, h = image.Height;
        var phi = -degrees * Math.PI / 180;
        double cos = Math.Cos(phi), sin = Math.Sin(phi), cx = w / 2.0, cy = h / 2.0;
        var dst = new RgbImage(w, h);
        var src = image.Pixels;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                var sx = cos * dx + sin * dy + cx;
                var sy = -sin * dx + cos * dy + cy;
                var o = (y * w + x) * 3;
                if (!bilinear)
                {
                    int ix = (int)Math.Floor(sx), iy = (int)Math.Floor(sy);
                    if (ix >= 0 && iy >= 0 && ix < w && iy < h)
                    {
                        src.AsSpan((iy * w + ix) * 3, 3).CopyTo(dst.Pixels.AsSpan(o));
                    }

                    continue;
                }

                double fx = sx - 0.5, fy = sy - 0.5;
                int x0 = (int)Math.Floor(fx), y0 = (int)Math.Floor(fy);
                if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h)
                {
                    continue;
                }

                double ax = fx - x0, ay = fy - y0;
                for (var c = 0; c < 3; c++)
                {
                    var v = Sample(src, w, h, x0, y0, c) * (1 - ax) * (1 - ay) + Sample(src, w, h, x0 + 1, y0, c) * ax * (1 - ay)
                        + Sample(src, w, h, x0, y0 + 1, c) * (1 - ax) * ay + Sample(src, w, h, x0 + 1, y0 + 1, c) * ax * ay;
                    dst.Pixels[o + c] = (byte)Math.Clamp((int)Math.Round(v), 0, 255);
                }
            }
        }

        return dst;
    }

    private static double Sample(byte[] src, int w, int h, int x, int y, int c)
    {
        // Edge pixels extend outward so a small rotation does not darken the border with black.
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        return src[(y * w + x) * 3 + c];
    }
}
