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

    /// <summary>Ads per transaction; null (the default) for 2,000 while the case holds fewer than 100,000 ads and 20,000 after.</summary>
    /// <remarks>
    /// #21: each commit writes to the WAL every page its batch touched, and once the case's random-order indexes are large
    /// most of their pages are touched by every batch, so 2,000-ad commits made the bytes written per ad grow with the case
    /// (1,000,000 ads: 149 CPU s with 20,000-ad commits against 190, run side by side; docs/ingest.md). Small cases keep small
    /// transactions: little memory, little WAL room needed on a nearly full disk, progress visible to readers sooner. A
    /// killed ingest resumes exactly after the last committed batch either way.
    /// </remarks>
    public int? BatchSize { get; init; }

    /// <summary>The transaction size for an ingest into a case that holds <paramref name="adsInCase"/> ads.</summary>
    internal int AdsPerTransaction(long adsInCase) => BatchSize ?? (adsInCase < 100_000 ? 2_000 : 20_000);

    /// <summary>Tests only: the ads the reading thread hands to the SQLite writer at a time (a transaction is one or more such
    /// chunks, its first always whole); null for the default (#21, session 12: small, so that they die young).</summary>
    internal int? AdsPerChunk { get; init; }

    /// <summary>Whether to drop the random-order secondary indexes (<c>mentions(entity)</c>, <c>ads(ad_id)</c> and the workbench's
    /// search indexes on them) with the first batch and build them once at the end; null (the default) decides by size.</summary>
    /// <remarks>
    /// #21: by default an ingest defers them when it is expected to add at least 50,000 ads and at least as many as the case
    /// holds. While deferred, readers still get every answer, but lookups of an identifier's ads scan the mentions. A kill
    /// before they are rebuilt leaves them out until the case's next read-write open, which creates them.
    /// </remarks>
    public bool? DeferIndexes { get; init; }

    /// <summary>Tests only: whether to look each identifier up in the case on first use (true) or load every entity ID before
    /// the first batch (false); null decides by size (#21: a look-up when the ingest is small against a large case).</summary>
    internal bool? LookUpEntityIds { get; init; }
}
