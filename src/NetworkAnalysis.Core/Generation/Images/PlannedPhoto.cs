using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>One photo file a generated corpus refers to.</summary>
/// <param name="RelativePath">Path relative to the ads file, with forward slashes (as the ads' <c>images</c> field names it).</param>
/// <param name="PhotoId">The photo (same identifier = same scene).</param>
/// <param name="Variant">What reposting did to it.</param>
/// <param name="Format">PNG or JPEG.</param>
public sealed record PlannedPhoto(string RelativePath, string PhotoId, PhotoVariant Variant, ImageFormat Format);
