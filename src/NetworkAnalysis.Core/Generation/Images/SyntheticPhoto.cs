using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>Renders deterministic procedural "photos": a graded background, soft texture and a random layout of shapes.</summary>
/// <remarks>
/// Same seed, same pixels, on every platform (integer and double arithmetic only, no system fonts or codecs). Distinct
/// seeds give distinct low-frequency layouts, so their perceptual hashes are far apart, like unrelated photos.
/// </remarks>
internal static class SyntheticPhoto
{
    public const int DefaultWidth = 360;
    public const int DefaultHeight = 480;

    /// <summary>A stable seed for a photo identifier (first four bytes of its SHA-256).</summary>
    public static int SeedOf(string photoId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(photoId)), 0) & int.MaxValue;

    public static RgbImage Render(int seed, int width = DefaultWidth, int height = DefaultHeight)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        var top = RandomColour(random);
        var bottom = RandomColour(random);
        var angle = random.NextDouble() * Math.PI * 2;
        double gx = Math.Cos(angle), gy = Math.Sin(angle);
        var noise = ValueNoise(random, 9, 12);
        var p = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = Math.Clamp(0.5 + ((x - width / 2.0) * gx + (y - height / 2.0) * gy) / Math.Max(width, height), 0, 1);
                var n = (Noise(noise, 9, 12, (double)x / width, (double)y / height) - 0.5) * 50;
                var o = (y * width + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    p[o + c] = Clamp(top[c] * (1 - t) + bottom[c] * t + n);
                }
            }
        }

        var shapes = random.Next(5, 11);
        for (var s = 0; s < shapes; s++)
        {
            var colour = RandomColour(random);
            double cx = random.NextDouble() * width, cy = random.NextDouble() * height;
            double rx = (0.08 + random.NextDouble() * 0.3) * width, ry = (0.08 + random.NextDouble() * 0.3) * height;
            var ellipse = random.Next(2) == 0;
            var opacity = 0.55 + random.NextDouble() * 0.45;
            int x0 = Math.Max(0, (int)(cx - rx)), x1 = Math.Min(width - 1, (int)(cx + rx));
            int y0 = Math.Max(0, (int)(cy - ry)), y1 = Math.Min(height - 1, (int)(cy + ry));
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    double dx = (x - cx) / rx, dy = (y - cy) / ry;
                    if (ellipse && dx * dx + dy * dy > 1)
                    {
                        continue;
                    }

                    var o = (y * width + x) * 3;
                    var shade = 1 - 0.25 * (ellipse ? dx * dx + dy * dy : Math.Abs(dy));
                    for (var c = 0; c < 3; c++)
                    {
                        p[o + c] = Clamp(p[o + c] * (1 - opacity) + colour[c] * shade * opacity);
                    }
                }
            }
        }

        return image;
    }

    private static double[] RandomColour(Random random) => [random.Next(256), random.Next(256), random.Next(256)];

    private static double[] ValueNoise(Random random, int cols, int rows)
    {
        var grid = new double[cols * rows];
        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] = random.NextDouble();
        }

        return grid;
    }

    private static double Noise(double[] grid, int cols, int rows, double u, double v)
    {
        double fx = u * (cols - 1), fy = v * (rows - 1);
        int x0 = Math.Min((int)fx, cols - 2), y0 = Math.Min((int)fy, rows - 2);
        double ax = fx - x0, ay = fy - y0;
        return grid[y0 * cols + x0] * (1 - ax) * (1 - ay) + grid[y0 * cols + x0 + 1] * ax * (1 - ay)
            + grid[(y0 + 1) * cols + x0] * (1 - ax) * ay + grid[(y0 + 1) * cols + x0 + 1] * ax * ay;
    }

    private static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);
}
