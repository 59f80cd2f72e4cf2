using System.Runtime.InteropServices;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>JPEG decode (DCT-scaled) and encode through libturbojpeg.</summary>
internal static unsafe class JpegCodec
{
    public const string MissingLibrary = "libturbojpeg is not installed (Debian: apt-get install libturbojpeg0)";

    public static bool IsAvailable => TurboJpeg.Instance is not null;

    public static ImageDecodeResult Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options)
    {
        var api = TurboJpeg.Instance;
        if (api is null)
        {
            return ImageDecodeResult.Fail(ImageErrorKind.NativeLibraryMissing, TurboJpeg.MissingReason, ImageFormat.Jpeg);
        }

        var handle = api.InitDecompress();
        if (handle == 0)
        {
            return ImageDecodeResult.Fail(ImageErrorKind.NativeLibraryMissing, "tjInitDecompress failed", ImageFormat.Jpeg);
        }

        try
        {
            fixed (byte* src = data)
            {
                int width, height, subsamp, colorspace;
                if (api.DecompressHeader3(handle, src, new CULong((nuint)data.Length), &width, &height, &subsamp, &colorspace) != 0)
                {
                    return Corrupt(TurboJpeg.LastError(api, handle));
                }

                if (width < 1 || height < 1)
                {
                    return Corrupt("invalid JPEG dimensions");
                }

                if ((long)width * height > options.MaxPixels)
                {
                    return ImageDecodeResult.Fail(ImageErrorKind.TooLarge, $"{width}x{height} exceeds {options.MaxPixels:N0} pixels", ImageFormat.Jpeg);
                }

                var (w, h) = ScaledSize(api, width, height, options.JpegMinShortSide);
                var pixels = new byte[checked(w * h * 3)];
                fixed (byte* dst = pixels)
                {
                    var rc = api.Decompress2(handle, src, new CULong((nuint)data.Length), dst, w, w * 3, h, TurboJpeg.PixelFormatRgb, TurboJpeg.FlagAccurateDct);

                    // Warnings (e.g. extraneous bytes) still yield a full image; only fatal errors are corrupt.
                    if (rc != 0 && api.GetErrorCode(handle) == TurboJpeg.ErrorFatal)
                    {
                        return Corrupt(TurboJpeg.LastError(api, handle));
                    }
                }

                return ImageDecodeResult.Ok(new RgbImage(w, h, pixels), ImageFormat.Jpeg);
            }
        }
        finally
        {
            api.Destroy(handle);
        }
    }

    /// <summary>Encodes RGB pixels as a baseline JPEG with 4:2:0 chroma subsampling.</summary>
    /// <returns>Null on success, else the reason.</returns>
    public static ImageError? Encode(RgbImage image, int quality, Stream output)
    {
        var api = TurboJpeg.Instance;
        if (api is null)
        {
            return new ImageError(ImageErrorKind.NativeLibraryMissing, TurboJpeg.MissingReason);
        }

        var handle = api.InitCompress();
        if (handle == 0)
        {
            return new ImageError(ImageErrorKind.NativeLibraryMissing, "tjInitCompress failed");
        }

        byte* jpeg = null;
        try
        {
            CULong size = default;
            fixed (byte* src = image.Pixels)
            {
                if (api.Compress2(handle, src, image.Width, image.Width * 3, image.Height, TurboJpeg.PixelFormatRgb,
                        &jpeg, &size, TurboJpeg.Subsampling420, Math.Clamp(quality, 1, 100), TurboJpeg.FlagAccurateDct) != 0)
                {
                    return new ImageError(ImageErrorKind.Corrupt, TurboJpeg.LastError(api, handle));
                }
            }

            output.Write(new ReadOnlySpan<byte>(jpeg, checked((int)size.Value)));
            return null;
        }
        finally
        {
            if (jpeg is not null)
            {
                api.Free(jpeg);
            }

            api.Destroy(handle);
        }
    }

    private static (int Width, int Height) ScaledSize(TurboJpeg.Api api, int width, int height, int minShortSide)
    {
        if (minShortSide <= 0)
        {
            return (width, height);
        }

        int count;
        var factors = api.GetScalingFactors(&count);
        var best = (width, height);
        for (var i = 0; factors is not null && i < count; i++)
        {
            var f = factors[i];

            // TJSCALED: ceil(dimension * num / denom).
            var w = (int)(((long)width * f.Num + f.Denom - 1) / f.Denom);
            var h = (int)(((long)height * f.Num + f.Denom - 1) / f.Denom);
            if (f.Num <= f.Denom && Math.Min(w, h) >= Math.Min(minShortSide, Math.Min(width, height)) && (long)w * h < (long)best.width * best.height)
            {
                best = (w, h);
            }
        }

        return best;
    }

    private static ImageDecodeResult Corrupt(string message) => ImageDecodeResult.Fail(ImageErrorKind.Corrupt, message, ImageFormat.Jpeg);
}
