using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Encodes 8-bit RGB PNGs (non-interlaced; Paeth filter on every row; zlib from the runtime).</summary>
internal static class PngEncoder
{
    public static void Encode(RgbImage image, Stream output)
    {
        output.Write(PngDecoder.Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), (uint)image.Height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        WriteChunk(output, "IHDR", ihdr);

        var stride = image.Width * 3;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[stride + 1];
            line[0] = 4;
            for (var y = 0; y < image.Height; y++)
            {
                var cur = image.Pixels.AsSpan(y * stride, stride);
                var prior = y > 0 ? image.Pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
                for (var i = 0; i < stride; i++)
                {
                    int a = i >= 3 ? cur[i - 3] : 0, b = prior[i], c = i >= 3 ? prior[i - 3] : 0;
                    line[i + 1] = (byte)(cur[i] - PngDecoder.Paeth(a, b, c));
                }

                z.Write(line);
            }
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        var typeBytes = Encoding.ASCII.GetBytes(type);
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Compute(typeBytes, data));
        output.Write(word);
    }
}
