namespace NetworkAnalysis.Core.Imaging;

/// <summary>Image container formats the tool reads and writes.</summary>
public enum ImageFormat
{
    /// <summary>Portable Network Graphics.</summary>
    Png,

    /// <summary>JPEG (JFIF/Exif), through libturbojpeg.</summary>
    Jpeg,
}
