namespace NetworkAnalysis.Core.Imaging;

/// <summary>An expected failure reading an image: a kind and a human-readable reason.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">One-line reason, safe to print (never contains pixel data).</param>
public sealed record ImageError(ImageErrorKind Kind, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}
