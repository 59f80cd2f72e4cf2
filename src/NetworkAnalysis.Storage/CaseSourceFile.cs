namespace NetworkAnalysis.Storage;

/// <summary>An input file of the case.</summary>
/// <param name="Path">Its path as given to ingest.</param>
/// <param name="Sha256">SHA-256 of its bytes (hex).</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record CaseSourceFile(string Path, string Sha256, long Size);
