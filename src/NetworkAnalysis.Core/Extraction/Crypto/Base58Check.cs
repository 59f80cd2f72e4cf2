using System.Security.Cryptography;

namespace NetworkAnalysis.Core.Extraction.Crypto;

/// <summary>Base58 decoding with the double-SHA-256 checksum used by Bitcoin and Tron addresses.</summary>
internal static class Base58Check
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Index = BuildIndex();

    public static bool IsBase58Char(char c) => c < 128 && Index[c] >= 0;

    /// <summary>Decodes <paramref name="s"/> into <paramref name="output"/>; returns the byte count or -1.</summary>
    public static int Decode(ReadOnlySpan<char> s, Span<byte> output)
    {
        var zeros = 0;
        while (zeros < s.Length && s[zeros] == '1')
        {
            zeros++;
        }

        Span<byte> b256 = stackalloc byte[128];
        var size = ((s.Length - zeros) * 733 / 1000) + 1;
        if (size > b256.Length)
        {
            return -1;
        }

        b256 = b256[..size];
        b256.Clear();
        var length = 0;
        foreach (var c in s[zeros..])
        {
            if (!IsBase58Char(c))
            {
                return -1;
            }

            var carry = (int)Index[c];
            var i = 0;
            for (var k = size - 1; (carry != 0 || i < length) && k >= 0; k--, i++)
            {
                carry += 58 * b256[k];
                b256[k] = (byte)(carry % 256);
                carry /= 256;
            }

            length = i;
        }

        var skip = size - length;
        while (skip < size && b256[skip] == 0)
        {
            skip++;
        }

        var total = zeros + (size - skip);
        if (total > output.Length)
        {
            return -1;
        }

        output[..zeros].Clear();
        b256[skip..].CopyTo(output[zeros..]);
        return total;
    }

    /// <summary>Decodes and verifies the 4-byte checksum; returns the payload length (version byte included) or -1.</summary>
    public static int DecodeCheck(ReadOnlySpan<char> s, Span<byte> payload)
    {
        Span<byte> raw = stackalloc byte[64];
        var n = Decode(s, raw);
        if (n < 5 || n - 4 > payload.Length)
        {
            return -1;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw[..(n - 4)], hash);
        SHA256.HashData(hash, hash);
        if (!hash[..4].SequenceEqual(raw.Slice(n - 4, 4)))
        {
            return -1;
        }

        raw[..(n - 4)].CopyTo(payload);
        return n - 4;
    }

    private static sbyte[] BuildIndex()
    {
        var index = new sbyte[128];
        Array.Fill(index, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            index[Alphabet[i]] = (sbyte)i;
        }

        return index;
    }
}
