using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Generation.Images;

public sealed class SyntheticPhotoWriterTests
{
    /// <summary>The pHash threshold documented in docs/near-duplicates.md.</summary>
    private const int Threshold = ImageMatch.DefaultPHashThreshold;

    private static ulong PHash(RgbImage image) => ImageHasher.Perceptual(image).PHash;

    public static TheoryData<PhotoVariant> Variants() =>
        [PhotoVariant.Resized, PhotoVariant.Reencoded, PhotoVariant.Cropped, PhotoVariant.BrightnessContrast, PhotoVariant.Rotated];

    [SkippableTheory]
    [MemberData(nameof(Variants))]
    public void Render_Variant_StaysWithinMatchThreshold(PhotoVariant variant)
    {
        if (variant == PhotoVariant.Reencoded)
        {
            Prerequisite.RequireSkia();
        }

        for (var i = 0; i < 40; i++)
        {
            // Given a photo and its variant
            var id = $"p{i:D7}";
            var original = SyntheticPhotoWriter.Render(id, PhotoVariant.Original, out _)!;
            var changed = SyntheticPhotoWriter.Render(id, variant, out var error);
            error.ShouldBeNull();

            // When both are hashed
            var distance = ImageHasher.Distance(PHash(original), PHash(changed!));

            // Then they match
            distance.ShouldBeLessThanOrEqualTo(Threshold, $"{id} {variant}");
        }
    }

    [Fact]
    public void Render_DifferentPhotos_StayOutsideMatchThreshold()
    {
        // Given 60 different photos
        var hashes = Enumerable.Range(0, 60).Select(i => PHash(SyntheticPhotoWriter.Render($"p{i:D7}", PhotoVariant.Original, out _)!)).ToArray();

        // When every pair is compared
        var closest = int.MaxValue;
        for (var a = 0; a < hashes.Length; a++)
        {
            for (var b = a + 1; b < hashes.Length; b++)
            {
                closest = Math.Min(closest, ImageHasher.Distance(hashes[a], hashes[b]));
            }
        }

        // Then none of them matches
        closest.ShouldBeGreaterThan(Threshold);
    }

    [Fact]
    public void Write_SameIdTwice_GivesIdenticalBytes()
    {
        // Given the same photo written twice
        using var a = new MemoryStream();
        using var b = new MemoryStream();

        // When written as PNG
        SyntheticPhotoWriter.Write("stock03", PhotoVariant.Cropped, ImageFormat.Png, a).ShouldBeNull();
        SyntheticPhotoWriter.Write("stock03", PhotoVariant.Cropped, ImageFormat.Png, b).ShouldBeNull();

        // Then the files are byte-identical and decode to the rendered pixels
        a.ToArray().ShouldBe(b.ToArray());
        var decoded = ImageCodec.Decode(a.ToArray());
        decoded.Image!.Pixels.ShouldBe(SyntheticPhotoWriter.Render("stock03", PhotoVariant.Cropped, out _)!.Pixels);
    }
}
