using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Decodes PNG (all colour types and bit depths, Adam7 interlacing) to RGB with the runtime's zlib.</summary>
/// <remarks>Chunk CRCs are checked; ancillary chunks are skipped; alpha and gamma are ignored (hashes work on luma).</remarks>
internal static partial class PngDecoder
{
    internal static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private sealed record Header(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
    {
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };

        public int BitsPerPixel => Channels * BitDepth;
    }

    public static ImageDecodeResult Decode(ReadOnlySpan<byte> data, ImageDecodeOptions options)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Signature))
        {
            return Fail("not a PNG signature");
        }

        Header? header = null;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        var pos = 8;
        var ended = false;
        while (!ended)
        {
            if (pos + 12 > data.Length)
            {
                return Fail("truncated before IEND");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            if (length > int.MaxValue || pos + 12 + (long)length > data.Length)
            {
                return Fail("chunk length runs past the end of the file");
            }

            var type = data.Slice(pos + 4, 4);
            var body = data.Slice(pos + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)length)..]);
            if (Crc32.Compute(type, body) != crc)
            {
                return Fail($"CRC mismatch in chunk {ChunkName(type)}");
            }

            pos += 12 + (int)length;
            switch (ChunkName(type))
            {
                case "IHDR":
                    if (body.Length != 13)
                    {
                        return Fail("IHDR has the wrong length");
                    }

                    header = new Header(
                        (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue),
                        (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue),
                        body[8], body[9], body[12] == 1);
                    var problem = Validate(header, body, options);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    if (idat.Length + body.Length > options.MaxBytes)
                    {
                        return ImageDecodeResult.Fail(ImageErrorKind.TooLarge, "compressed image data exceeds the byte limit", ImageFormat.Png);
                    }

                    idat.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
                default:
                    if ((type[0] & 0x20) == 0)
                    {
                        return ImageDecodeResult.Fail(ImageErrorKind.Unsupported, $"unknown critical chunk {ChunkName(type)}", ImageFormat.Png);
                    }

                    break;
            }
        }

        if (header is null)
        {
            return Fail("no IHDR chunk");
        }

        if (header.ColorType == 3 && (palette is null || palette.Length % 3 != 0))
        {
            return Fail("palette image without a valid PLTE chunk");
        }

        var raw = Inflate(idat, header);
        if (raw is null)
        {
            return Fail("image data is truncated or not valid zlib");
        }

        var image = header.Interlaced ? Deinterlace(raw, header, palette) : ToRgb(raw, 0, header, header.Width, header.Height, palette, out _);
        return image is null ? Fail("invalid filter type or palette index") : ImageDecodeResult.Ok(image, ImageFormat.Png);
    }

    private static ImageDecodeResult? Validate(Header h, ReadOnlySpan<byte> body, ImageDecodeOptions options)
    {
        var validDepth = h.ColorType switch
        {
            0 => h.BitDepth is 1 or 2 or 4 or 8 or 16,
            3 => h.BitDepth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => h.BitDepth is 8 or 16,
            _ => false,
        };
        if (h.Width < 1 || h.Height < 1 || !validDepth || body[10] != 0 || body[11] != 0 || body[12] > 1)
        {
            return Fail("invalid IHDR (size, colour type, bit depth or method)");
        }

        return (long)h.Width * h.Height > options.MaxPixels
            ? ImageDecodeResult.Fail(ImageErrorKind.TooLarge, $"{h.Width}x{h.Height} exceeds {options.MaxPixels:N0} pixels", ImageFormat.Png)
            : null;
    }

    private const long MaxDeflateRatio = 1032;

    private const int InitialInflateBuffer = 1 << 20;

    private static byte[]? Inflate(MemoryStream idat, Header h)
    {
        var expected = 0L;
        foreach (var (w, hh) in Passes(h))
        {
            expected += w == 0 || hh == 0 ? 0 : (long)hh * (1 + Stride(h, w));
        }

        if (expected > int.MaxValue)
        {
            return null;
        }

        // Deflate expands at most ~1,032:1, so compressed data too short for the declared size is truncated or a lie: refuse it
        // before allocating. The buffer then grows with what actually inflates, so a tiny file claiming a huge image costs
        // nothing (a 69-byte file claiming 10000x10000 RGBA16 used to allocate 800 MB up front).
        if (expected > (idat.Length * MaxDeflateRatio) + 1024)
        {
            return null;
        }

        var raw = new byte[Math.Min(expected, InitialInflateBuffer)];
        idat.Position = 0;
        try
        {
            using var z = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
            var read = 0;
            while (read < expected)
            {
                if (read == raw.Length)
                {
                    Array.Resize(ref raw, (int)Math.Min(expected, (long)raw.Length * 2));
                }

                var n = z.Read(raw, read, raw.Length - read);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }
        }
        catch (InvalidDataException)
        {
            return null;
        }

        return raw;
    }

    private static int Stride(Header h, int width) => (int)(((long)width * h.BitsPerPixel + 7) / 8);

    private static string ChunkName(ReadOnlySpan<byte> type) =>
        string.Create(4, type.ToArray(), static (s, t) =>
        {
            for (var i = 0; i < 4; i++)
            {
                s[i] = t[i] is >= 0x20 and < 0x7F ? (char)t[i] : '?';
            }
        });

    private static ImageDecodeResult Fail(string message) => ImageDecodeResult.Fail(ImageErrorKind.Corrupt, message, ImageFormat.Png);
}
