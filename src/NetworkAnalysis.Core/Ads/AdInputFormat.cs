namespace NetworkAnalysis.Core.Ads;

/// <summary>Input file formats that netan reads (see <see cref="AdFormatSniffer"/> for how each is recognised).</summary>
public enum AdInputFormat
{
    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,

    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>One saved ad page (HTML), read through the site profiles.</summary>
    Html,

    /// <summary>A web crawl: WARC or WARC.gz (ISO 28500); HTML responses become ads, image responses photo hashes.</summary>
    Warc,

    /// <summary>Crawl records as JSON Lines (DARPA Memex CDR: url, timestamp, raw_content, content_type).</summary>
    CrawlRecords,

    /// <summary>An Excel workbook (.xlsx): one sheet, a header row, the same columns as CSV.</summary>
    Xlsx,
}
