using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>Writes deterministic synthetic photos and their repost variants (resize, re-encode, crop, brightness/contrast, rotation).</summary>
/// <remarks>
/// A photo is named by an identifier (for example the generator's <c>p0000042</c> or <c>stock03</c>); the same
/// identifier and variant always give the same pixels. JPEG output and the <see cref="PhotoVariant.Reencoded"/> variant
/// need SkiaSharp's native library; without it the error comes back as a value.
/// </remarks>
public static class SyntheticPhotoWriter
{
    /// <summary>Renders a photo variant as pixels.</summary>
    /// <param name="photoId">Photo identifier (any non-empty string).</param>
    /// <param name="variant">Which variant of the photo.</param>
    /// <param name="error">Why rendering failed (only possible for <see cref="PhotoVariant.Reencoded"/> without SkiaSharp's native library).</param>
    /// <returns>The pixels, or null on error.</returns>
    public static RgbImage? Render(string photoId, PhotoVariant variant, out ImageError? error)
    {
        ArgumentException.ThrowIfNullOrEmpty(photoId);
        error = null;
        var original = SyntheticPhoto.Render(SyntheticPhoto.SeedOf(photoId));
        int w = original.Width, h = original.Height;
        switch (variant)
        {
            case PhotoVariant.Original:
                return original;
            case PhotoVariant.Resized:
                return ImageTransforms.Resize(original, w * 3 / 5, h * 3 / 5);
            case PhotoVariant.Cropped:
                // 2 % off each edge.
                return ImageTransforms.Crop(original, w * 2 / 100, h * 2 / 100, w - w * 4 / 100, h - h * 4 / 100);
            case PhotoVariant.BrightnessContrast:
                return ImageTransforms.BrightnessContrast(original, 18, 1.15);
            case PhotoVariant.Rotated:
                return ImageTransforms.Rotate(original, 1, bilinear: true);
            case PhotoVariant.Reencoded:
                using (var jpeg = new MemoryStream())
                {
                    error = ImageCodec.Encode(original, ImageFormat.Jpeg, jpeg, 55);
                    if (error is not null)
                    {
                        return null;
                    }

                    var decoded = ImageCodec.Decode(jpeg.ToArray(), new ImageDecodeOptions { JpegMinShortSide = 0 });
                    error = decoded.Error;
                    return decoded.Image;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, "unknown photo variant");
        }
    }

    /// <summary>Writes a photo variant to a stream as PNG or JPEG (quality 88).</summary>
    /// <returns>Null on success, else why nothing was written.</returns>
    public static ImageError? Write(string photoId, PhotoVariant variant, ImageFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var image = Render(photoId, variant, out var error);
        return image is null ? error : ImageCodec.Encode(image, format, output, 88);
    }
}
