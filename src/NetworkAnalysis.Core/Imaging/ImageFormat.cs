namespace NetworkAnalysis.Core.Imaging;

/// <summary>Image container formats the tool reads and writes.</summary>
public enum ImageFormat
{
    /// <summary>Portable Network Graphics.</summary>
    Png,

    /// <summary>JPEG (JFIF/Exif), through SkiaSharp.</summary>
    Jpeg,

    /// <summary>WebP (lossy or lossless), read through SkiaSharp.</summary>
    WebP,

    /// <summary>GIF (its first frame), read through SkiaSharp.</summary>
    Gif,
}
