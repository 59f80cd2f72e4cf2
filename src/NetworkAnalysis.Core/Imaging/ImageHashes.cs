namespace NetworkAnalysis.Core.Imaging;

/// <summary>The three fingerprints of one image file.</summary>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hex (exact duplicates).</param>
/// <param name="PHash">64-bit DCT perceptual hash (imagehash's <c>phash</c>), first bit most significant.</param>
/// <param name="DHash">64-bit difference hash (imagehash's <c>dhash</c>).</param>
public sealed record ImageHashes(string Sha256, ulong PHash, ulong DHash)
{
    /// <summary>The perceptual hash as 16 hex digits.</summary>
    public string PHashHex => ImageHashHex.Format(PHash);

    /// <summary>The difference hash as 16 hex digits.</summary>
    public string DHashHex => ImageHashHex.Format(DHash);
}
