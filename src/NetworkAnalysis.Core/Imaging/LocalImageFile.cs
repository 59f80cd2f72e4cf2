namespace NetworkAnalysis.Core.Imaging;

/// <summary>Reads a photo an ad names, for display (workbench, referral report): only a file inside the ad's input
/// folder by its real path, and only bytes that decode as an image.</summary>
/// <remarks>
/// URLs, absolute paths, paths leaving the input's folder and symbolic links that lead out of it are refused by the rule
/// ingest applies (<see cref="ImagePathResolver"/>: containment checked on the real path). The type comes from the
/// decoded bytes, never the name: a text file named <c>.png</c>, or a link to <c>/etc/passwd</c>, is never shown.
/// </remarks>
public static class LocalImageFile
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".gif", ".webp"];

    /// <summary>The real path of image <paramref name="name"/> named by an ad read from <paramref name="inputFile"/>, when it
    /// has an image's extension, passes <see cref="ImagePathResolver"/> and exists; otherwise null.</summary>
    public static string? Path(string? inputFile, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(inputFile)
            || !Extensions.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant())
            || System.IO.Path.GetDirectoryName(inputFile) is not { Length: > 0 })
        {
            return null;
        }

        return new ImagePathResolver(inputFile).Resolve(name) is { Success: true } resolved && File.Exists(resolved.FullPath) ? resolved.FullPath : null;
    }

    /// <summary>The bytes and MIME type (<c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>, <c>image/gif</c>) of image <paramref name="name"/>, when its file
    /// passes <see cref="Path"/>, holds at most <paramref name="maxBytes"/> bytes and decodes as an image; otherwise null.</summary>
    public static (byte[] Bytes, string ContentType)? Read(string? inputFile, string? name, long maxBytes)
    {
        if (Path(inputFile, name) is not { } path)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length == 0 || stream.Length > maxBytes)
            {
                return null;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return ImageCodec.Decode(bytes) is { Success: true, Format: { } format }
            ? (bytes, format switch
            {
                ImageFormat.Png => "image/png",
                ImageFormat.WebP => "image/webp",
                ImageFormat.Gif => "image/gif",
                _ => "image/jpeg",
            })
            : null;
    }
}
