using System.Diagnostics.CodeAnalysis;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>A resolved image path, or why it was refused; exactly one of the two is non-null.</summary>
/// <param name="FullPath">Absolute path inside the input's folder (the file may still be missing).</param>
/// <param name="Error">Why the path was refused.</param>
public sealed record ImagePathResult(string? FullPath, ImageError? Error)
{
    /// <summary>Whether the path is safe to open.</summary>
    [MemberNotNullWhen(true, nameof(FullPath))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => FullPath is not null;
}
