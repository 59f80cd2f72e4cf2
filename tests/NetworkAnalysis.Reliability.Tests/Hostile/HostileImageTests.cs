using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Hostile;

/// <summary>Image files that lie about their type or size, or stop short: a clear error, no exception, no huge allocation.</summary>
public sealed class HostileImageTests
{
    /// <summary>A bound well below what any lying header asks for (hundreds of MB), and above a real small decode.</summary>
    private const long AllocationLimit = 16L * 1024 * 1024;

    private readonly ITestOutputHelper _log;

    public HostileImageTests(ITestOutputHelper log) => _log = log;

    public static TheoryData<string> Liars() =>
    [
        "png-signature-jpeg-body", "jpeg-signature-png-body", "png-ihdr-100000x100000", "png-ihdr-10000x10000-rgba16-tiny-idat",
        "png-ihdr-10000x10000-rgba16-idat-cut-short", "png-bad-crc", "png-no-iend", "jpeg-sof-65500x65500", "random-bytes", "empty",
        "text-named-png",
    ];

    [Theory]
    [MemberData(nameof(Liars))]
    public void Decode_LyingImage_ClearErrorWithoutHugeAllocation(string name)
    {
        // Given
        var bytes = Build(name);

        // When
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageCodec.Decode(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        _log.WriteLine($"{name}: {bytes.Length:N0} bytes -> {result.Error?.Kind}: {result.Error?.Message} ({allocated:N0} bytes allocated)");
        result.Success.ShouldBeFalse(name);
        result.Error!.Message.ShouldNotBeNullOrWhiteSpace();
        allocated.ShouldBeLessThan(AllocationLimit, name);
        if (name.Contains("100000x100000", StringComparison.Ordinal) || name.Contains("65500x65500", StringComparison.Ordinal))
        {
            result.Error.Kind.ShouldBe(ImageErrorKind.TooLarge);
        }
    }

    [Fact]
    public void Decode_DecompressionBomb_InflatesOnlyWhatTheHeaderNeeds()
    {
        // Given: a 1x1 PNG whose image data inflates to 64 MiB (65 KB on disk)
        var bomb = Build1x1Bomb();

        // When
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageCodec.Decode(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then: the one pixel is read and the rest never inflated
        _log.WriteLine($"1x1 bomb: {bomb.Length:N0} bytes -> {(result.Success ? "1x1 image" : result.Error!.Message)} ({allocated:N0} bytes allocated)");
        result.Success.ShouldBeTrue();
        (result.Image!.Width, result.Image.Height).ShouldBe((1, 1));
        allocated.ShouldBeLessThan(AllocationLimit);
    }

    private static byte[] Build1x1Bomb() => Png(1, 1, 8, 2, Deflate(new byte[64 * 1024 * 1024]));

    [Fact]
    public void Decode_TruncatedPng_AtEveryCut_NeverThrows()
    {
        // Given: a real 64x64 PNG of noise
        var png = Encode(ImageFormat.Png);
        var cuts = 0;

        // When / Then: every prefix decodes to an error
        for (var n = 0; n < png.Length; n += 7, cuts++)
        {
            var r = ImageCodec.Decode(png.AsSpan(0, n));
            r.Success.ShouldBeFalse($"PNG cut at {n} of {png.Length}");
            r.Error!.Message.ShouldNotBeNullOrWhiteSpace();
        }

        _log.WriteLine($"{cuts} truncated PNG files decoded without an exception");
    }

    [SkippableFact]
    public void Decode_TruncatedJpeg_AtEveryCut_NeverThrows()
    {
        // Given: a real 64x64 JPEG of noise
        Prerequisite.RequireSkia();
        var jpeg = Encode(ImageFormat.Jpeg);
        var cuts = 0;
        var errors = 0;

        // When / Then: every prefix decodes to an error or at worst a full-size image (JPEG fills a cut scan with grey, as libjpeg does)
        for (var n = 0; n < jpeg.Length; n += 7, cuts++)
        {
            var r = ImageCodec.Decode(jpeg.AsSpan(0, n));
            if (r.Success)
            {
                (r.Image!.Width, r.Image.Height).ShouldBe((64, 64));
            }
            else
            {
                errors++;
                r.Error!.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }

        errors.ShouldBeGreaterThan(0);
        _log.WriteLine($"{cuts} truncated JPEG files decoded without an exception");
    }

    [SkippableFact]
    public void Decode_JpegNamedPng_IsReadByItsContent()
    {
        Prerequisite.RequireSkia();

        // A file's name or claimed type never decides how it is read: the first bytes do.
        var result = ImageCodec.Decode(Encode(ImageFormat.Jpeg));

        result.Success.ShouldBeTrue();
        result.Format.ShouldBe(ImageFormat.Jpeg);
    }

    private static byte[] Encode(ImageFormat format)
    {
        var random = new Random(9);
        var pixels = new byte[64 * 64 * 3];
        random.NextBytes(pixels);
        using var output = new MemoryStream();
        ImageCodec.Encode(new RgbImage(64, 64, pixels), format, output).ShouldBeNull();
        return output.ToArray();
    }

    private static byte[] Build(string name) => name switch
    {
        "png-signature-jpeg-body" => [.. PngSignature, .. ImageCodec.JpegAvailable ? Encode(ImageFormat.Jpeg)[3..] : Encoding.ASCII.GetBytes("JFIF not really")],
        "jpeg-signature-png-body" => [0xFF, 0xD8, 0xFF, .. Encode(ImageFormat.Png)],
        "png-ihdr-100000x100000" => Png(100_000, 100_000, 8, 2, Deflate(new byte[100])),
        "png-ihdr-10000x10000-rgba16-tiny-idat" => Png(10_000, 10_000, 16, 6, Deflate(new byte[100])),
        "png-ihdr-10000x10000-rgba16-idat-cut-short" => Png(10_000, 10_000, 16, 6, Deflate(RandomBytes(2 * 1024 * 1024))[..(1024 * 1024)]),
        "png-bad-crc" => CorruptCrc(Encode(ImageFormat.Png)),
        "png-no-iend" => Encode(ImageFormat.Png)[..^12],
        "jpeg-sof-65500x65500" => ImageCodec.JpegAvailable ? PatchSof(Encode(ImageFormat.Jpeg), 65_500, 65_500) : [0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0xFF, 0xDC, 0xFF, 0xDC, 1, 1, 0x11, 0],
        "random-bytes" => RandomBytes(4096),
        "empty" => [],
        "text-named-png" => Encoding.UTF8.GetBytes("<svg onload=alert(1)>this is not an image</svg>"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static byte[] Png(int width, int height, byte depth, byte colourType, byte[] idat)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)height);
        ihdr[8] = depth;
        ihdr[9] = colourType;
        using var png = new MemoryStream();
        png.Write(PngSignature);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] body)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(four, (uint)body.Length);
        s.Write(four);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc([.. typeBytes, .. body]));
        s.Write(four);
    }

    /// <summary>CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: slow and plain.</summary>
    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] CorruptCrc(byte[] png)
    {
        var copy = png.ToArray();
        copy[8 + 8 + 13] ^= 0xFF; // first byte of the IHDR CRC
        return copy;
    }

    private static byte[] PatchSof(byte[] jpeg, int width, int height)
    {
        var copy = jpeg.ToArray();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        }

        throw new InvalidOperationException("no SOF marker in the encoded JPEG");
    }

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(4).NextBytes(bytes);
        return bytes;
    }
}
