using System.Security.Cryptography;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Computes SHA-256, pHash and dHash of image files or bytes; failures are values, never exceptions.</summary>
/// <remarks>Thread-safe and stateless.</remarks>
public static class ImageHasher
{
    /// <summary>Hashes an image held in memory.</summary>
    public static ImageHashResult Hash(ReadOnlySpan<byte> data, ImageDecodeOptions? options = null)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        var decoded = ImageCodec.Decode(data, options);
        if (!decoded.Success)
        {
            return new ImageHashResult(null, sha, decoded.Error);
        }

        var (p, d) = Perceptual(decoded.Image);
        return new ImageHashResult(new ImageHashes(sha, p, d), sha, null);
    }

    /// <summary>Hashes the image in a stream, reading at most <see cref="ImageDecodeOptions.MaxBytes"/> bytes.</summary>
    public static async Task<ImageHashResult> HashAsync(Stream stream, ImageDecodeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ImageDecodeOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > options.MaxBytes)
            {
                return ImageHashResult.Fail(ImageErrorKind.TooLarge, $"more than {options.MaxBytes:N0} bytes");
            }

            buffer.Write(chunk, 0, n);
        }

        return Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    /// <summary>Hashes an image file; a missing, unreadable, oversized or corrupt file gives an error result.</summary>
    public static async Task<ImageHashResult> HashFileAsync(string path, ImageDecodeOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ImageDecodeOptions.Default;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return ImageHashResult.Fail(ImageErrorKind.NotFound, Directory.Exists(path) ? "is a folder, not a file" : "file not found");
            }

            if (info.Length > options.MaxBytes)
            {
                return ImageHashResult.Fail(ImageErrorKind.TooLarge, $"{info.Length:N0} bytes exceeds the {options.MaxBytes:N0}-byte limit");
            }

            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
            return await HashAsync(stream, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ImageHashResult.Fail(ImageErrorKind.Unreadable, e.Message);
        }
    }

    /// <summary>The 64-bit pHash and dHash of decoded pixels.</summary>
    public static (ulong PHash, ulong DHash) Perceptual(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var luma = image.ToLuma();
        return (PerceptualHash.ToUInt64(PerceptualHash.Perceptual(luma, image.Width, image.Height)),
            PerceptualHash.ToUInt64(PerceptualHash.Difference(luma, image.Width, image.Height)));
    }

    /// <summary>Hamming distance between two 64-bit hashes (0..64).</summary>
    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);
}
