namespace NetworkAnalysis.Reporting.Model;

/// <summary>An image attached to an ad.</summary>
/// <param name="Name">File name or label shown to the reader (hostile text).</param>
/// <param name="ContentType">Media type such as <c>image/png</c>; only image types are embedded.</param>
/// <param name="Bytes">The image bytes to embed, or null when only a reference is known.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes, when known.</param>
public sealed record ReportImage(string Name, string? ContentType, byte[]? Bytes, string? Sha256);
