using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

/// <summary>What one ingest of one file did.</summary>
public sealed record IngestResult
{
    /// <summary>The input path as given.</summary>
    public required string Path { get; init; }

    /// <summary>SHA-256 of the input file's bytes (hex).</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file had been ingested completely before; nothing was added.</summary>
    public bool AlreadyIngested { get; init; }

    /// <summary>An interrupted ingest of this file was resumed.</summary>
    public bool Resumed { get; init; }

    /// <summary>Rows read in this run (ads and failures).</summary>
    public long RowsRead { get; init; }

    /// <summary>New ads stored.</summary>
    public long AdsAdded { get; init; }

    /// <summary>Rows whose (site, id) was already in the case.</summary>
    public long Duplicates { get; init; }

    /// <summary>Malformed rows reported and skipped.</summary>
    public long RowsFailed { get; init; }

    /// <summary>Entity mentions stored.</summary>
    public long MentionsAdded { get; init; }

    /// <summary>The first errors (at most 1,000; all are in the case's ingest_errors table).</summary>
    public IReadOnlyList<AdReadError> Errors { get; init; } = [];

    /// <summary>Strict mode stopped at a malformed row; the file is not complete.</summary>
    public bool StoppedAtError { get; init; }

    /// <summary>Images read and hashed (SHA-256, pHash, dHash) for the ads added.</summary>
    public long ImagesHashed { get; init; }

    /// <summary>Images that could not be used (missing, refused path, corrupt, too large, no JPEG library); each is in <c>ingest_errors</c> with its ad's line.</summary>
    public long ImageErrors { get; init; }

    /// <summary>Re-crawls of ads already in the case whose content changed: each stored as a new version in <c>ad_versions</c>.</summary>
    public long Versions { get; init; }

    /// <summary>Crawl records that became neither an ad nor an error (requests, revisits, images, non-ad pages), by reason.</summary>
    public IReadOnlyDictionary<string, long> RecordsSkipped { get; init; } = new Dictionary<string, long>();

    /// <summary>Ads given a photo's hash because they knew the photo only by URL and an ingest held its bytes (this one or an earlier one).</summary>
    public long PhotosLinkedByUrl { get; init; }

    /// <summary>Where this run's time went, in milliseconds by stage (<c>read_ms</c>, <c>extract_ms</c>, <c>write_ms</c> and the
    /// writer's parts, <c>writer_waited_ms</c> for batches, <c>reader_waited_ms</c> for the writer); for benchmarks and profiling.</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}
