using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>Gives a generated corpus real photo files: which variant of which photo each ad shows, and in which format.</summary>
/// <remarks>
/// Ring photos and stock photos are reposted: each ad shows a variant (original 40 %, then resized, re-encoded,
/// cropped, brightness/contrast or rotated by 1 degree, 12 % each), so one ring shares near-duplicate photos and
/// one stock photo appears, in variants, across unrelated posters. An independent poster's own photos stay
/// original. A file is JPEG or PNG by its name (70 % JPEG). Choices hash the ad and photo IDs (FNV-1a), so the
/// plan is deterministic and does not disturb the corpus generator's random stream. Without SkiaSharp's native library every
/// file is PNG and the re-encoded variant becomes the resized one (<c>jpeg</c> false).
/// </remarks>
public static class CorpusPhotos
{
    /// <summary>Rewrites every ad's <c>images</c> to files under <paramref name="folder"/> and lists the distinct files.</summary>
    /// <param name="corpus">The generated corpus (its image names are <c>img/&lt;photo&gt;.jpg</c>).</param>
    /// <param name="folder">Photo folder relative to the ads file, forward slashes, no <c>..</c>.</param>
    /// <param name="jpeg">Whether JPEG can be written (SkiaSharp's native library loaded).</param>
    /// <returns>The corpus with rewritten image paths (precomputed image hashes dropped: the files are hashed at ingest), and the files to write, sorted by path.</returns>
    public static (IReadOnlyList<GeneratedAd> Corpus, IReadOnlyList<PlannedPhoto> Files) Plan(IReadOnlyList<GeneratedAd> corpus, string folder, bool jpeg)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var prefix = folder.TrimEnd('/');
        var files = new SortedDictionary<string, PlannedPhoto>(StringComparer.Ordinal);
        var rewritten = new List<GeneratedAd>(corpus.Count);
        foreach (var g in corpus)
        {
            var paths = new List<string>(g.Ad.Images.Count);
            foreach (var image in g.Ad.Images)
            {
                var photo = Path.GetFileNameWithoutExtension(image);
                var reposted = g.GroupKind == "ring" || photo.StartsWith("stock", StringComparison.Ordinal);
                var variant = reposted ? VariantOf(Fnv($"{g.Ad.Site}/{g.Ad.Id}/{photo}")) : PhotoVariant.Original;
                if (!jpeg && variant == PhotoVariant.Reencoded)
                {
                    variant = PhotoVariant.Resized;
                }

                var format = jpeg && Fnv($"{photo}/{variant}") % 10 < 7 ? ImageFormat.Jpeg : ImageFormat.Png;
                var path = $"{prefix}/{photo}-{variant.ToString().ToLowerInvariant()}.{(format == ImageFormat.Jpeg ? "jpg" : "png")}";
                files.TryAdd(path, new PlannedPhoto(path, photo, variant, format));
                paths.Add(path);
            }

            rewritten.Add(g with { Ad = g.Ad with { Images = paths, ImageHashes = [] } });
        }

        return (rewritten, [.. files.Values]);
    }

    private static PhotoVariant VariantOf(uint hash) => (hash % 100) switch
    {
        < 40 => PhotoVariant.Original,
        < 52 => PhotoVariant.Resized,
        < 64 => PhotoVariant.Reencoded,
        < 76 => PhotoVariant.Cropped,
        < 88 => PhotoVariant.BrightnessContrast,
        _ => PhotoVariant.Rotated,
    };

    private static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
