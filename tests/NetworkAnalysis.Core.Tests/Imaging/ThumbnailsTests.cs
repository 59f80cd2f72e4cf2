using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Tests.Imaging;

public sealed class ThumbnailsTests
{
    private static byte[] Png(RgbImage image)
    {
        using var s = new MemoryStream();
        ImageCodec.Encode(image, ImageFormat.Png, s).ShouldBeNull();
        return s.ToArray();
    }

    /// <summary>A black-and-white checkerboard of 4-pixel squares: all detail, no mean structure.</summary>
    private static RgbImage Checkerboard(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = ((x / 4) + (y / 4)) % 2 == 0 ? (byte)0 : (byte)255;
                pixels.AsSpan((y * width + x) * 3, 3).Fill(v);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    private static double StdDev(RgbImage image)
    {
        var values = image.Pixels.Select(b => (double)b).ToArray();
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    [Fact]
    public void Blurred_Checkerboard_LosesItsDetail_SharpKeepsIt()
    {
        // Given a photo that is nothing but fine detail
        var png = Png(Checkerboard(320, 240));

        // When
        var (blurred, e1) = Thumbnails.Make(png, 160, blurred: true);
        var (sharp, e2) = Thumbnails.Make(png, 320, blurred: false);

        // Then: the blurred thumbnail is a PNG at most 160 px wide, nearly uniform grey; the sharp one keeps the squares
        (e1, e2).ShouldBe((null, null));
        var b = ImageCodec.Decode(blurred).Image.ShouldNotBeNull();
        (b.Width, b.Height).ShouldBe((160, 120));
        StdDev(b).ShouldBeLessThan(20);
        StdDev(ImageCodec.Decode(sharp).Image!).ShouldBeGreaterThan(120);
    }

    /// <summary>What a trip through the blur's mosaic size loses: mean absolute pixel difference between the image and
    /// itself reduced to <see cref="Thumbnails.BlurMosaicShortSide"/> and enlarged again. Near zero when no finer detail is left.</summary>
    private static double DetailAboveMosaic(RgbImage image)
    {
        var f = (double)Thumbnails.BlurMosaicShortSide / Math.Min(image.Width, image.Height);
        var small = ImageTransforms.Resize(image, (int)Math.Round(image.Width * f), (int)Math.Round(image.Height * f));
        var back = ImageTransforms.Resize(small, image.Width, image.Height);
        return image.Pixels.Zip(back.Pixels, (x, y) => (double)Math.Abs(x - y)).Average();
    }

    [Fact]
    public void Blurred_Photo_KeepsNoDetailFinerThanTheMosaic()
    {
        // Given a synthetic photo
        var photo = Png(SyntheticPhotoWriter.Render("p7", PhotoVariant.Original, out _)!);

        // When: thumbnails of one size, blurred and sharp
        var blurred = ImageCodec.Decode(Thumbnails.Make(photo, 160, blurred: true).Png).Image!;
        var sharp = ImageCodec.Decode(Thumbnails.Make(photo, 160, blurred: false).Png).Image!;

        // Then
        (blurred.Width, blurred.Height).ShouldBe((sharp.Width, sharp.Height));
        var (b, s) = (DetailAboveMosaic(blurred), DetailAboveMosaic(sharp));
        b.ShouldBeLessThan(s / 4, $"blurred {b:0.00}, sharp {s:0.00}");
    }

    [Fact]
    public void Make_NotAnImage_GivesTheReason()
    {
        var (png, error) = Thumbnails.Make("not a photo"u8, 160, blurred: true);

        png.ShouldBeNull();
        error.ShouldNotBeNull().Kind.ShouldBe(ImageErrorKind.Unsupported);
    }
}
