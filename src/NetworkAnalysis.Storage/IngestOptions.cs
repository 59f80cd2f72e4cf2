using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

/// <summary>Options for <see cref="CaseIngestor"/>.</summary>
public sealed record IngestOptions
{
    /// <summary>Reader options (field map, default site and country, limits).</summary>
    public AdReaderOptions Reader { get; init; } = new();

    /// <summary>Site profiles for ad pages (HTML, WARC, crawl records); null for the built-in ones.</summary>
    public NetworkAnalysis.Core.Ads.Html.SiteProfiles? Profiles { get; init; }

    /// <summary>Sheet of an .xlsx workbook to read (by name); null for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Input format; null recognises it from the file's content (then its name).</summary>
    public AdInputFormat? Format { get; init; }

    /// <summary>Stop at the first malformed row instead of reporting and skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>Ads per transaction.</summary>
    /// <remarks>
    /// 20,000 since #21 (was 2,000): each commit writes to the WAL every page its batch touched, and once the case's
    /// random-order indexes are large most of their pages are touched by every batch, so small transactions made the bytes
    /// written per ad grow with the case (1,000,000 ads: 149 CPU s instead of 229; docs/ingest.md). A killed ingest still
    /// resumes exactly after the last committed batch.
    /// </remarks>
    public int BatchSize { get; init; } = 20_000;
}
