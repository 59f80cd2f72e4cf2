namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>What identifies a record that a later revisit record may repeat.</summary>
/// <param name="RecordId">WARC-Record-ID.</param>
/// <param name="TargetUri">WARC-Target-URI.</param>
/// <param name="Date">WARC-Date.</param>
/// <param name="PayloadDigest">WARC-Payload-Digest.</param>
/// <param name="Offset">Byte offset of the record.</param>
/// <param name="Number">1-based position of the record in its file.</param>
/// <param name="Type">WARC-Type.</param>
public sealed record WarcRecordRef(string? RecordId, string? TargetUri, string? Date, string? PayloadDigest, long Offset, int Number, string Type);
