using System.Diagnostics.CodeAnalysis;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>The outcome of hashing one image: the hashes, or why the image could not be read.</summary>
/// <param name="Hashes">All three hashes when the image decoded.</param>
/// <param name="Sha256">SHA-256 of the bytes whenever they could be read, even if decoding then failed.</param>
/// <param name="Error">Why hashing failed; null on success.</param>
public sealed record ImageHashResult(ImageHashes? Hashes, string? Sha256, ImageError? Error)
{
    /// <summary>Whether all hashes were computed.</summary>
    [MemberNotNullWhen(true, nameof(Hashes))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Hashes is not null;

    internal static ImageHashResult Fail(ImageErrorKind kind, string message, string? sha256 = null) =>
        new(null, sha256, new ImageError(kind, message));
}
