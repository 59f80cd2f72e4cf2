namespace NetworkAnalysis.Storage;

/// <summary>A free-text note an analyst left on a cluster.</summary>
/// <param name="Text">The note as typed.</param>
/// <param name="Who">The analyst.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
public sealed record AnalystNote(string Text, string Who, string At);
