using System.Buffers.Binary;
using System.IO.Compression;

namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>A minimal PNG encoder (RGB, 8-bit, no filter) for test images.</summary>
internal static class TinyPng
{
    private static readonly uint[] Crc = BuildCrc();

    public static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = (byte)(r + (x * 9));
                raw[row + 2 + (x * 3)] = (byte)(g + (y * 9));
                raw[row + 3 + (x * 3)] = b;
            }
        }

        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        Chunk(ms, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true))
            {
                zs.Write(raw);
            }

            Chunk(ms, "IDAT", z.ToArray());
        }

        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var c = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            c = Crc[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(len, c ^ 0xFFFFFFFFu);
        s.Write(len);
    }

    private static uint[] BuildCrc()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        return t;
    }
}
