namespace NetworkAnalysis.Reporting.Model;

/// <summary>An input file the analysis read, for the chain of custody.</summary>
/// <param name="Path">Path as given to the tool.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes.</param>
/// <param name="Bytes">File size in bytes.</param>
public sealed record SourceFileItem(string Path, string Sha256, long Bytes);
