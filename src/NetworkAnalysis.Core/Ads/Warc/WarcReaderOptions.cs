namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>Limits for <see cref="WarcReader"/>.</summary>
public sealed record WarcReaderOptions
{
    /// <summary>Largest record block kept in memory; larger records are skipped and reported.</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest header line and header section, in bytes.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;
}
