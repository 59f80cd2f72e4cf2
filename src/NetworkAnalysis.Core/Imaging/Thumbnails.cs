namespace NetworkAnalysis.Core.Imaging;

/// <summary>Small PNG thumbnails of photos for reports, sharp or blurred, made offline from the photo's bytes.</summary>
/// <remarks>
/// A blurred thumbnail is the photo reduced to a mosaic a few pixels across and enlarged again, so the file it goes into
/// holds no sharp copy of the photo: unlike a display filter (CSS <c>blur</c>), it cannot be undone by the reader.
/// </remarks>
public static class Thumbnails
{
    /// <summary>Short side of the mosaic a blurred thumbnail is enlarged from.</summary>
    public const int BlurMosaicShortSide = 10;

    /// <summary>A PNG thumbnail whose longer side is at most <paramref name="maxSide"/> pixels.</summary>
    /// <param name="data">The photo's bytes (PNG, JPEG, WebP or GIF).</param>
    /// <param name="maxSide">Longest side of the thumbnail, at least 16.</param>
    /// <param name="blurred">Reduce to a mosaic first so no detail survives.</param>
    /// <returns>The PNG bytes, or the reason the photo could not be read.</returns>
    public static (byte[]? Png, ImageError? Error) Make(ReadOnlySpan<byte> data, int maxSide, bool blurred)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 16);
        var decoded = ImageCodec.Decode(data);
        if (decoded.Image is not { } image)
        {
            return (null, decoded.Error);
        }

        var scale = Math.Min(1.0, (double)maxSide / Math.Max(image.Width, image.Height));
        var width = Math.Max(1, (int)Math.Round(image.Width * scale));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale));
        if (blurred)
        {
            var mosaic = (double)BlurMosaicShortSide / Math.Min(image.Width, image.Height);
            var small = ImageTransforms.Resize(image, Math.Max(1, (int)Math.Round(image.Width * mosaic)), Math.Max(1, (int)Math.Round(image.Height * mosaic)));
            image = ImageTransforms.Resize(small, width, height);
        }
        else if (width != image.Width || height != image.Height)
        {
            image = ImageTransforms.Resize(image, width, height);
        }

        using var png = new MemoryStream();
        PngEncoder.Encode(image, png);
        return (png.ToArray(), null);
    }
}
