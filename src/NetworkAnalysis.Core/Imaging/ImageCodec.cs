namespace NetworkAnalysis.Core.Imaging;

/// <summary>Reads and writes PNG and JPEG images; failures come back as <see cref="ImageError"/> values.</summary>
/// <remarks>Thread-safe. JPEG needs the native libturbojpeg (Debian package libturbojpeg0).</remarks>
public static class ImageCodec
{
    /// <summary>Whether libturbojpeg could be loaded (JPEG decode and encode are available).</summary>
    public static bool JpegAvailable => JpegCodec.IsAvailable;

    /// <summary>Why JPEG is unavailable (not installed, or the file NETAN_TURBOJPEG_PATH names did not load); null when it is available.</summary>
    public static string? JpegUnavailableReason => JpegCodec.IsAvailable ? null : TurboJpeg.MissingReason;

    /// <summary>Detects the format from the first bytes, or null when it is neither PNG nor JPEG.</summary>
    public static ImageFormat? DetectFormat(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && data[..8].SequenceEqual(PngDecoder.Signature) ? ImageFormat.Png
        : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? ImageFormat.Jpeg
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
            ImageFormat.Jpeg => JpegCodec.Decode(data, options),
            _ => data.Length == 0
                ? ImageDecodeResult.Fail(ImageErrorKind.Corrupt, "empty file")
                : ImageDecodeResult.Fail(ImageErrorKind.Unsupported, "not a PNG or JPEG file"),
        };
    }

    /// <summary>Encodes an image as PNG or JPEG.</summary>
    /// <param name="image">Pixels to write.</param>
    /// <param name="format">Container format.</param>
    /// <param name="output">Destination stream.</param>
    /// <param name="jpegQuality">JPEG quality 1..100 (ignored for PNG).</param>
    /// <returns>Null on success, else why the image could not be written (e.g. libturbojpeg missing).</returns>
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
                return JpegCodec.Encode(image, jpegQuality, output);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown image format");
        }
    }
}
