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
    public int BatchSize { get; init; } = 2_000;
}
