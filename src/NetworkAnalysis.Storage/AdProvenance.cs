namespace NetworkAnalysis.Storage;

/// <summary>Where an ad came from: its input file and line.</summary>
/// <param name="SourceId">The source's row ID.</param>
/// <param name="Path">The input file's path as ingested.</param>
/// <param name="Sha256">The input file's SHA-256 (hex).</param>
/// <param name="Format">Input format.</param>
/// <param name="Line">Line of the ad's row in the file.</param>
/// <param name="IngestedAt">When the file was ingested (UTC, ISO 8601).</param>
public sealed record AdProvenance(long SourceId, string Path, string Sha256, string Format, long Line, string IngestedAt);
