using SkiaSharp;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>JPEG, WebP and GIF decode, and JPEG encode, through SkiaSharp (Skia's libjpeg-turbo, libwebp and GIF decoders).</summary>
/// <remarks>
/// The header is read first and the pixel limit applied before any pixel buffer exists, as for PNG. JPEG is decoded at
/// the smallest DCT scale whose short side still reaches <see cref="ImageDecodeOptions.JpegMinShortSide"/>, the same
/// scales and accurate IDCT libturbojpeg gave, so stored pHash and dHash values do not change. GIF gives its first frame.
/// A truncated scan still yields the full-size image, the missing rows filled, as libjpeg does; anything else Skia
/// refuses is a <see cref="ImageErrorKind.Corrupt"/> value.
/// </remarks>
internal static unsafe class SkiaCodec
{
    private static readonly Lazy<string?> LoadFailure = new(() =>
    {
        try
        {
            _ = SKImageInfo.PlatformColorType;
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            return $"the SkiaSharp native library could not be loaded ({ex.GetBaseException().Message}); on Debian it needs libfontconfig1";
        }
    });

    /// <summary>Why the native library cannot be used, or null when it can.</summary>
    public static string? UnavailableReason => LoadFailure.Value;

    public static ImageDecodeResult Decode(ReadOnlySpan<byte> data, ImageFormat format, ImageDecodeOptions options)
    {
        if (UnavailableReason is { } reason)
        {
            return ImageDecodeResult.Fail(ImageErrorKind.NativeLibraryMissing, reason, format);
        }

        SKData skData;
        fixed (byte* p = data)
        {
            skData = SKData.CreateCopy((nint)p, (ulong)data.Length);
        }

        using (skData)
        using (var codec = SKCodec.Create(new SKMemoryStream(skData), out var created))
        {
            if (codec is null)
            {
                return Fail(ImageErrorKind.Corrupt, $"unreadable {Name(format)} header ({created})", format);
            }

            var width = codec.Info.Width;
            var height = codec.Info.Height;
            if (width < 1 || height < 1)
            {
                return Fail(ImageErrorKind.Corrupt, $"invalid {Name(format)} dimensions", format);
            }

            if ((long)width * height > options.MaxPixels)
            {
                return Fail(ImageErrorKind.TooLarge, $"{width}x{height} exceeds {options.MaxPixels:N0} pixels", format);
            }

            var size = format == ImageFormat.Jpeg ? ScaledSize(codec, width, height, options.JpegMinShortSide) : new SKSizeI(width, height);
            var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            var rgba = new byte[checked((int)info.BytesSize64)];
            SKCodecResult result;
            fixed (byte* p = rgba)
            {
                result = codec.GetPixels(info, (nint)p);
            }

            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                return Fail(ImageErrorKind.Corrupt, $"{Name(format)} decode failed ({result})", format);
            }

            var rgb = new byte[checked(size.Width * size.Height * 3)];
            for (int i = 0, o = 0; o < rgb.Length; i += 4, o += 3)
            {
                rgb[o] = rgba[i];
                rgb[o + 1] = rgba[i + 1];
                rgb[o + 2] = rgba[i + 2];
            }

            return ImageDecodeResult.Ok(new RgbImage(size.Width, size.Height, rgb), format);
        }
    }

    /// <summary>Encodes RGB pixels as a JPEG.</summary>
    /// <returns>Null on success, else the reason.</returns>
    public static ImageError? EncodeJpeg(RgbImage image, int quality, Stream output)
    {
        if (UnavailableReason is { } reason)
        {
            return new ImageError(ImageErrorKind.NativeLibraryMissing, reason);
        }

        var rgba = new byte[checked(image.Width * image.Height * 4)];
        var pixels = image.Pixels;
        for (int i = 0, o = 0; i < pixels.Length; i += 3, o += 4)
        {
            rgba[o] = pixels[i];
            rgba[o + 1] = pixels[i + 1];
            rgba[o + 2] = pixels[i + 2];
            rgba[o + 3] = 255;
        }

        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap();
        fixed (byte* p = rgba)
        {
            if (!bitmap.InstallPixels(info, (nint)p, info.RowBytes))
            {
                return new ImageError(ImageErrorKind.Corrupt, "could not hand the pixels to SkiaSharp");
            }

            using var pixmap = bitmap.PeekPixels();
            using var encoded = pixmap.Encode(SKEncodedImageFormat.Jpeg, Math.Clamp(quality, 1, 100));
            if (encoded is null)
            {
                return new ImageError(ImageErrorKind.Corrupt, "SkiaSharp could not encode the JPEG");
            }

            encoded.SaveTo(output);
        }

        return null;
    }

    private static SKSizeI ScaledSize(SKCodec codec, int width, int height, int minShortSide)
    {
        if (minShortSide <= 0)
        {
            return new SKSizeI(width, height);
        }

        var floor = Math.Min(minShortSide, Math.Min(width, height));
        var best = new SKSizeI(width, height);
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Min(scaled.Width, scaled.Height) >= floor && (long)scaled.Width * scaled.Height < (long)best.Width * best.Height)
            {
                best = scaled;
            }
        }

        return best;
    }

    private static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.WebP => "WebP",
        ImageFormat.Gif => "GIF",
        _ => format.ToString(),
    };

    private static ImageDecodeResult Fail(ImageErrorKind kind, string message, ImageFormat format) => ImageDecodeResult.Fail(kind, message, format);
}
