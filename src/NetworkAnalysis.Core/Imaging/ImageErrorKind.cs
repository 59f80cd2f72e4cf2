namespace NetworkAnalysis.Core.Imaging;

/// <summary>Why an image could not be read or hashed.</summary>
public enum ImageErrorKind
{
    /// <summary>The file does not exist.</summary>
    NotFound,

    /// <summary>The path was refused: absolute, escaping the input's folder, or through a symlink leading out.</summary>
    PathRefused,

    /// <summary>The file or its pixel count exceeds the configured limits.</summary>
    TooLarge,

    /// <summary>The bytes are not a valid image of the detected format (truncated, bad checksum, bad data).</summary>
    Corrupt,

    /// <summary>The format is neither PNG nor JPEG.</summary>
    Unsupported,

    /// <summary>SkiaSharp's native library (JPEG, WebP, GIF) could not be loaded.</summary>
    NativeLibraryMissing,

    /// <summary>The file exists but could not be opened or read (permissions, I/O error).</summary>
    Unreadable,
}
