namespace NetworkAnalysis.Testing;

/// <summary>One request the loopback server received.</summary>
public sealed record LoopbackRequest(string Method, string Path, string? Authorization, string? ContentType, string Body);
