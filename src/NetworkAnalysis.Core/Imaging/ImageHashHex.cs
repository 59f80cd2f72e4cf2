using System.Globalization;
using System.Numerics;
using System.Text;

namespace NetworkAnalysis.Core.Imaging;

/// <summary>Hex text of perceptual hashes in imagehash's layout: bits row-major, first bit most significant.</summary>
public static class ImageHashHex
{
    /// <summary>Formats a 64-bit hash as 16 lower-case hex digits.</summary>
    public static string Format(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses 16 hex digits (an optional <c>phash:</c>/<c>dhash:</c>-style prefix is not accepted here).</summary>
    public static bool TryParse(string? text, out ulong hash)
    {
        hash = 0;
        return text is { Length: 16 } && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }

    /// <summary>Formats a bit array (any length) as imagehash does: one hex digit per four bits, left-padded with zeros.</summary>
    public static string FormatBits(IReadOnlyList<bool> bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var value = BigInteger.Zero;
        foreach (var b in bits)
        {
            value = (value << 1) | (b ? BigInteger.One : BigInteger.Zero);
        }

        var width = (bits.Count + 3) / 4;
        var sb = new StringBuilder(width);
        for (var i = width - 1; i >= 0; i--)
        {
            sb.Append("0123456789abcdef"[(int)((value >> (4 * i)) & 0xF)]);
        }

        return sb.ToString();
    }

    /// <summary>Parses imagehash hex back to hashSize × hashSize bits (its <c>hex_to_hash</c>), or null when the text is not hex.</summary>
    public static bool[]? ParseBits(string hex, int hashSize)
    {
        ArgumentNullException.ThrowIfNull(hex);
        ArgumentOutOfRangeException.ThrowIfLessThan(hashSize, 1);
        var value = BigInteger.Zero;
        foreach (var ch in hex)
        {
            var d = HexDigit(ch);
            if (d < 0)
            {
                return null;
            }

            value = (value << 4) | d;
        }

        var count = hashSize * hashSize;
        var bits = new bool[count];
        for (var i = 0; i < count; i++)
        {
            bits[i] = !((value >> (count - 1 - i)) & BigInteger.One).IsZero;
        }

        return bits;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
