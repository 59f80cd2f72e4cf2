namespace NetworkAnalysis.Reporting.Custody;

/// <summary>A file listed in a custody manifest.</summary>
/// <param name="Path">Path as given (sources) or relative to the manifest (outputs).</param>
/// <param name="Sha256">Lowercase hex SHA-256.</param>
/// <param name="Bytes">Size in bytes.</param>
public sealed record CustodyFile(string Path, string Sha256, long Bytes);
