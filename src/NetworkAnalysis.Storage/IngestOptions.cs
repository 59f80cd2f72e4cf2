using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

/// <summary>Options for <see cref="CaseIngestor"/>.</summary>
public sealed record IngestOptions
{
    /// <summary>Reader options (field map, default site and country, limits).</summary>
    public AdReaderOptions Reader { get; init; } = new();

    /// <summary>Input format; null detects it from the file name.</summary>
    public AdInputFormat? Format { get; init; }

    /// <summary>Stop at the first malformed row instead of reporting and skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>Ads per transaction.</summary>
    public int BatchSize { get; init; } = 2_000;
}
