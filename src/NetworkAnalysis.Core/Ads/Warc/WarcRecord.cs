namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>One WARC record (ISO 28500): its named fields and its content block.</summary>
public sealed class WarcRecord
{
    /// <summary>The version line, e.g. <c>WARC/1.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The named fields in file order (names as written).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; }

    /// <summary>The content block: exactly Content-Length bytes.</summary>
    public required byte[] Block { get; init; }

    /// <summary>Byte offset of the record's first byte (of the decompressed stream for a gzip file).</summary>
    public long Offset { get; init; }

    /// <summary>1-based position of the record in its file.</summary>
    public int Number { get; init; }

    /// <summary>The record that a revisit record repeats, when the reader has seen it; null otherwise.</summary>
    public WarcRecordRef? Original { get; init; }

    /// <summary>WARC-Type, lower case (<c>response</c>, <c>resource</c>, <c>revisit</c>, <c>request</c>, <c>metadata</c>, …).</summary>
    public string Type => (Get("WARC-Type") ?? "").ToLowerInvariant();

    /// <summary>WARC-Record-ID as written (with its angle brackets).</summary>
    public string? RecordId => Get("WARC-Record-ID");

    /// <summary>WARC-Target-URI without the angle brackets some crawlers (wget) put around it.</summary>
    public string? TargetUri => Get("WARC-Target-URI") is { } uri ? WarcReader.CleanUri(uri) : null;

    /// <summary>WARC-Date as written.</summary>
    public string? Date => Get("WARC-Date");

    /// <summary>WARC-Payload-Digest as written (<c>sha1:BASE32</c>).</summary>
    public string? PayloadDigest => Get("WARC-Payload-Digest");

    /// <summary>Content-Type of the block.</summary>
    public string? ContentType => Get("Content-Type");

    /// <summary>The first field of that name (case-insensitive), or null.</summary>
    public string? Get(string name)
    {
        foreach (var (key, value) in Fields)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A reference to this record for revisit resolution.</summary>
    public WarcRecordRef ToRef() => new(RecordId, TargetUri, Date, PayloadDigest, Offset, Number, Type);
}
