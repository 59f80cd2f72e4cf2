namespace NetworkAnalysis.Core.Imaging;

/// <summary>Limits and scaling for <see cref="ImageCodec.Decode"/>.</summary>
public sealed record ImageDecodeOptions
{
    /// <summary>Default options: 64 MiB files, 100 megapixels, JPEG scaled so the short side stays at least 128 px.</summary>
    public static ImageDecodeOptions Default { get; } = new();

    /// <summary>Largest accepted file, in bytes.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels (width × height, before any scaling).</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>JPEG only: decode at the smallest DCT scale (1/8 … 1) whose shorter side is at least this many pixels; 0 decodes at full size.</summary>
    /// <remarks>Hashes shrink the image to 32 × 32 anyway; a DCT-scaled decode skips most of the inverse transform.</remarks>
    public int JpegMinShortSide { get; init; } = 128;
}
