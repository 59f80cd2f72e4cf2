using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Tests.Imaging;

internal static class TestImages
{
    public static RgbImage Photo(int seed, int width, int height) => SyntheticPhoto.Render(seed, width, height);

    public static RgbImage Noise(Random random, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }
}
