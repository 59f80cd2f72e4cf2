using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;
using SkiaSharp;

namespace NetworkAnalysis.Core.Tests.Imaging;

/// <summary>JPEG, WebP and GIF through SkiaSharp: the hashes cases already hold stay valid, and the new formats are read.</summary>
public sealed class SkiaCodecTests
{
    private static string Fixture(string name) => Path.Combine(TestData.RepoRoot, "tests", "NetworkAnalysis.Core.Tests", "Imaging", "Fixtures", name);

    /// <summary>JPEGs written and hashed by the libturbojpeg build this codec replaced (2026-12-05, main at ac88dbf):
    /// file, pHash, dHash, the hash path's DCT-scaled size, the full size.</summary>
    [SkippableTheory]
    [InlineData("p7-original.jpg", "9acee56539ac6434", "53e1e1f91b1e3fbd", 135, 180, 360, 480)]
    [InlineData("p12-resized.jpg", "bdad4a7042b6c539", "2673773e3a3a3c2b", 135, 180, 216, 288)]
    [InlineData("p31-cropped.jpg", "a06d3fcb85d0d4e4", "777797b3b3b9bdac", 130, 173, 346, 461)]
    public void Jpeg_HashedAfterTheSwap_GivesTheValuesLibturbojpegGave(string file, string pHash, string dHash, int w, int h, int fullW, int fullH)
    {
        // Given
        Prerequisite.RequireSkia();
        var bytes = File.ReadAllBytes(Fixture(file));

        // When
        var hashes = ImageHasher.Hash(bytes).Hashes.ShouldNotBeNull();
        var scaled = ImageCodec.Decode(bytes).Image.ShouldNotBeNull();
        var full = ImageCodec.Decode(bytes, ImageDecodeOptions.Default with { JpegMinShortSide = 0 }).Image.ShouldNotBeNull();

        // Then: a case hashed before the swap needs no re-hash
        (hashes.PHashHex, hashes.DHashHex).ShouldBe((pHash, dHash));
        (scaled.Width, scaled.Height).ShouldBe((w, h));
        (full.Width, full.Height).ShouldBe((fullW, fullH));
    }

    [SkippableFact]
    public void WebP_OfAPhoto_IsReadAndHashesNearItsPng()
    {
        // Given a synthetic photo as PNG (our encoder) and as lossy WebP (Skia's encoder)
        Prerequisite.RequireSkia();
        var image = SyntheticPhotoWriter.Render("p7", PhotoVariant.Original, out _).ShouldNotBeNull();
        using var png = new MemoryStream();
        ImageCodec.Encode(image, ImageFormat.Png, png).ShouldBeNull();
        var webp = EncodeWebP(image);

        // When
        var decoded = ImageCodec.Decode(webp);
        var hashes = ImageHasher.Hash(webp).Hashes.ShouldNotBeNull();

        // Then
        ImageCodec.DetectFormat(webp).ShouldBe(ImageFormat.WebP);
        decoded.Format.ShouldBe(ImageFormat.WebP);
        (decoded.Image!.Width, decoded.Image.Height).ShouldBe((image.Width, image.Height));
        ImageHasher.Distance(hashes.PHash, ImageHasher.Hash(png.ToArray()).Hashes!.PHash).ShouldBeLessThanOrEqualTo(6);
    }

    [SkippableFact]
    public void Gif_TwoByTwo_GivesItsPixels()
    {
        // Given a 2x2 GIF89a written byte by byte: palette red, green, blue, white; pixels 0 1 / 2 3
        Prerequisite.RequireSkia();
        byte[] gif =
        [
            .. "GIF89a"u8, 2, 0, 2, 0, 0xF1, 0, 0, // screen 2x2, global palette of 4 entries
            255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255,
            0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0, // image descriptor
            2, 3, 0x44, 0x34, 0x05, 0, // LZW minimum code size 2; clear, 0, 1, 2 in 3 bits, then 3 and end in 4, LSB first
            0x3B,
        ];

        // When
        var result = ImageCodec.Decode(gif);

        // Then
        result.Format.ShouldBe(ImageFormat.Gif);
        var image = result.Image.ShouldNotBeNull(result.Error?.Message);
        image.Pixels.ShouldBe((byte[])[255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    }

    [SkippableFact]
    public void WebP_HeaderClaimingTooManyPixels_IsRefusedBeforeDecoding()
    {
        // Given a real WebP, with a limit below its size
        Prerequisite.RequireSkia();
        var webp = EncodeWebP(SyntheticPhotoWriter.Render("p7", PhotoVariant.Original, out _)!);

        // When
        var result = ImageCodec.Decode(webp, ImageDecodeOptions.Default with { MaxPixels = 1_000 });

        // Then
        result.Error.ShouldNotBeNull().Kind.ShouldBe(ImageErrorKind.TooLarge);
        result.Error.Message.ShouldContain("exceeds 1,000 pixels");
    }

    [Fact]
    public void DetectFormat_ByContent()
    {
        ImageCodec.DetectFormat("RIFF\0\0\0\0WEBPVP8 "u8).ShouldBe(ImageFormat.WebP);
        ImageCodec.DetectFormat("GIF87a.."u8).ShouldBe(ImageFormat.Gif);
        ImageCodec.DetectFormat("RIFF\0\0\0\0WAVEfmt "u8).ShouldBeNull();
        ImageCodec.Decode("GIF8"u8).Error.ShouldNotBeNull().Kind.ShouldBe(ImageErrorKind.Unsupported);
    }

    private static byte[] EncodeWebP(RgbImage image)
    {
        using var bitmap = new SKBitmap(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var i = (y * image.Width + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }
}
