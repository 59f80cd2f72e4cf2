using System.Diagnostics.CodeAnalysis;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>The outcome of decoding an image: exactly one of <see cref="Image"/> and <see cref="Error"/> is non-null.</summary>
/// <param name="Image">The decoded pixels (for JPEG possibly scaled down by the DCT).</param>
/// <param name="Error">Why decoding failed.</param>
/// <param name="Format">The detected format, when one was recognised.</param>
public sealed record ImageDecodeResult(RgbImage? Image, ImageError? Error, ImageFormat? Format)
{
    /// <summary>Whether decoding succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Image is not null;

    internal static ImageDecodeResult Ok(RgbImage image, ImageFormat format) => new(image, null, format);

    internal static ImageDecodeResult Fail(ImageErrorKind kind, string message, ImageFormat? format = null) =>
        new(null, new ImageError(kind, message), format);
}
