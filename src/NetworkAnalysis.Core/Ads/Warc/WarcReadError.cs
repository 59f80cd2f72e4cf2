namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>A damaged part of a WARC file, with where it starts.</summary>
/// <param name="File">The file as named by the caller.</param>
/// <param name="Offset">Byte offset where the damage starts (of the decompressed stream for a gzip file).</param>
/// <param name="Compressed">Whether the file is gzip-compressed (so <paramref name="Offset"/> counts decompressed bytes).</param>
/// <param name="Message">What is wrong, in words for the user.</param>
public sealed record WarcReadError(string File, long Offset, bool Compressed, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{File}: at {(Compressed ? "decompressed " : "")}byte {Offset:D}: {Message}";
}
