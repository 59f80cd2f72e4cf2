namespace NetworkAnalysis.Core.Imaging;

/// <summary>Reads PNG, JPEG, WebP and GIF images and writes PNG and JPEG; failures come back as <see cref="ImageError"/> values.</summary>
/// <remarks>Thread-safe. PNG is read and written by our managed code (its refusal of bombs and lying headers is proven
/// in-process by the hostile-input tests); JPEG, WebP and GIF go through SkiaSharp, whose native library ships in the
/// NuGet package (on Linux it needs libfontconfig1).</remarks>
public static class ImageCodec
{
    /// <summary>Whether SkiaSharp's native library could be loaded (JPEG, WebP and GIF are available).</summary>
    public static bool JpegAvailable => SkiaCodec.UnavailableReason is null;

    /// <summary>Why JPEG, WebP and GIF are unavailable (SkiaSharp's native library did not load); null when they are available.</summary>
    public static string? JpegUnavailableReason => SkiaCodec.UnavailableReason;

    /// <summary>Detects the format from the first bytes, or null when it is none of PNG, JPEG, WebP and GIF.</summary>
    public static ImageFormat? DetectFormat(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && data[..8].SequenceEqual(PngDecoder.Signature) ? ImageFormat.Png
        : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? ImageFormat.Jpeg
        : data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8) ? ImageFormat.WebP
        : data.Length >= 6 && (data[..6].SequenceEqual("GIF87a"u8) || data[..6].SequenceEqual("GIF89a"u8)) ? ImageFormat.Gif
        : null;

    /// <summary>Decodes an image held in memory.</summary>
    public static ImageDecodeResult Decode(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        if (data.Length > options.MaxBytes)
        {
            return ImageDecodeResult.Fail(ImageErrorKind.TooLarge, $"{data.Length:N0} bytes exceeds the {options.MaxBytes:N0}-byte limit");
        }

        return DetectFormat(data) switch
        {
            ImageFormat.Png => PngDecoder.Decode(data, options),
            ImageFormat.Jpeg or ImageFormat.WebP or ImageFormat.Gif => SkiaCodec.Decode(data, DetectFormat(data)!.Value, options),
            _ => data.Length == 0
                ? ImageDecodeResult.Fail(ImageErrorKind.Corrupt, "empty file")
                : ImageDecodeResult.Fail(ImageErrorKind.Unsupported, "not a PNG, JPEG, WebP or GIF file"),
        };
    }

    /// <summary>Encodes an image as PNG or JPEG.</summary>
    /// <param name="image">Pixels to write.</param>
    /// <param name="format">Container format.</param>
    /// <param name="output">Destination stream.</param>
    /// <param name="jpegQuality">JPEG quality 1..100 (ignored for PNG).</param>
    /// <returns>Null on success, else why the image could not be written (e.g. SkiaSharp's native library missing).</returns>
    public static ImageError? Encode(RgbImage image, ImageFormat format, Stream output, int jpegQuality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ImageFormat.Png:
                PngEncoder.Encode(image, output);
                return null;
            case ImageFormat.Jpeg:
                return SkiaCodec.EncodeJpeg(image, jpegQuality, output);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown image format");
        }
    }
}
