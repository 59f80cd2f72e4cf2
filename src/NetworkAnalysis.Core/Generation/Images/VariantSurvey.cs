using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Images;

/// <summary>Measures pHash and dHash distances on generated photo pairs: each variant against its original, and unrelated photos.</summary>
/// <remarks>Feeds the threshold ROC in docs/near-duplicates.md; deterministic for a photo count.</remarks>
internal static class VariantSurvey
{
    public sealed record Pair(PhotoVariant? Variant, int PHashDistance, int DHashDistance)
    {
        public bool Same => Variant is not null;
    }

    public static List<Pair> Run(int photos, CancellationToken cancellationToken = default)
    {
        var variants = Enum.GetValues<PhotoVariant>().Where(v => v != PhotoVariant.Original && (v != PhotoVariant.Reencoded || ImageCodec.JpegAvailable)).ToArray();
        var originals = new (ulong P, ulong D)[photos];
        var pairs = new List<Pair>();
        var lockObject = new object();
        Parallel.For(0, photos, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var id = $"survey{i:D6}";
            var o = ImageHasher.Perceptual(SyntheticPhotoWriter.Render(id, PhotoVariant.Original, out _)!);
            originals[i] = o;
            foreach (var v in variants)
            {
                var h = ImageHasher.Perceptual(SyntheticPhotoWriter.Render(id, v, out _)!);
                lock (lockObject)
                {
                    pairs.Add(new Pair(v, ImageHasher.Distance(o.PHash, h.PHash), ImageHasher.Distance(o.DHash, h.DHash)));
                }
            }
        });

        for (var a = 0; a < photos; a++)
        {
            for (var b = a + 1; b < photos; b++)
            {
                pairs.Add(new Pair(null, ImageHasher.Distance(originals[a].P, originals[b].P), ImageHasher.Distance(originals[a].D, originals[b].D)));
            }
        }

        return [.. pairs.OrderBy(p => p.Variant).ThenBy(p => p.PHashDistance).ThenBy(p => p.DHashDistance)];
    }
}
