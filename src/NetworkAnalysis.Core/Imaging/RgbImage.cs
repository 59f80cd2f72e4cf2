namespace NetworkAnalysis.Core.Imaging;

/// <summary>A decoded image: 8-bit RGB pixels, row-major, three bytes per pixel, no padding.</summary>
/// <remarks>Alpha is dropped on decode (as PIL's <c>convert('L')</c> does for hashing).</remarks>
public sealed class RgbImage
{
    /// <summary>Creates an image over existing pixels.</summary>
    /// <param name="width">Width in pixels (at least 1).</param>
    /// <param name="height">Height in pixels (at least 1).</param>
    /// <param name="pixels">RGB bytes, length width × height × 3.</param>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height * 3)
        {
            throw new ArgumentException($"Expected {(long)width * height * 3} bytes, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Creates a black image.</summary>
    public RgbImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 3)])
    {
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>RGB bytes, row-major.</summary>
    public byte[] Pixels { get; }

    /// <summary>Luma per pixel with PIL's <c>convert('L')</c> weights (ITU-R 601-2, fixed point).</summary>
    /// <returns>Width × height bytes, row-major.</returns>
    public byte[] ToLuma()
    {
        var luma = new byte[Width * Height];
        var p = Pixels;
        for (int i = 0, j = 0; i < luma.Length; i++, j += 3)
        {
            luma[i] = (byte)((p[j] * 19595 + p[j + 1] * 38470 + p[j + 2] * 7471 + 0x8000) >> 16);
        }

        return luma;
    }
}
