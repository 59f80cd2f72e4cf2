namespace NetworkAnalysis.Core.Extraction.Crypto;

/// <summary>Bech32 (BIP-173) and Bech32m (BIP-350) decoding and SegWit address validation.</summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const uint Bech32Const = 1;
    private const uint Bech32mConst = 0x2bc830a3;

    /// <summary>Which checksum a string carries.</summary>
    public enum Encoding
    {
        /// <summary>Not valid.</summary>
        Invalid,

        /// <summary>BIP-173.</summary>
        Bech32,

        /// <summary>BIP-350.</summary>
        Bech32m,
    }

    /// <summary>Decodes a bech32/bech32m string into its HRP (lower case) and 5-bit data (checksum removed).</summary>
    public static Encoding Decode(ReadOnlySpan<char> s, out string hrp, Span<byte> data, out int dataLength)
    {
        hrp = "";
        dataLength = 0;
        if (s.Length is < 8 or > 90)
        {
            return Encoding.Invalid;
        }

        bool lower = false, upper = false;
        foreach (var c in s)
        {
            if (c is < (char)33 or > (char)126)
            {
                return Encoding.Invalid;
            }

            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
        }

        var sep = s.LastIndexOf('1');
        if ((lower && upper) || sep < 1 || sep + 7 > s.Length || s.Length - sep - 1 - 6 > data.Length)
        {
            return Encoding.Invalid;
        }

        Span<byte> values = stackalloc byte[90];
        var n = s.Length - sep - 1;
        for (var i = 0; i < n; i++)
        {
            var v = Charset.IndexOf(char.ToLowerInvariant(s[sep + 1 + i]));
            if (v < 0)
            {
                return Encoding.Invalid;
            }

            values[i] = (byte)v;
        }

        Span<char> hrpChars = stackalloc char[sep];
        for (var i = 0; i < sep; i++)
        {
            hrpChars[i] = char.ToLowerInvariant(s[i]);
        }

        var check = Polymod(hrpChars, values[..n]);
        var encoding = check == Bech32Const ? Encoding.Bech32 : check == Bech32mConst ? Encoding.Bech32m : Encoding.Invalid;
        if (encoding == Encoding.Invalid)
        {
            return encoding;
        }

        hrp = hrpChars.ToString();
        dataLength = n - 6;
        values[..dataLength].CopyTo(data);
        return encoding;
    }

    /// <summary>Whether <paramref name="address"/> is a valid SegWit address with the given human-readable part.</summary>
    public static bool IsSegwitAddress(ReadOnlySpan<char> address, string expectedHrp)
    {
        Span<byte> data = stackalloc byte[90];
        var encoding = Decode(address, out var hrp, data, out var n);
        if (encoding == Encoding.Invalid || hrp != expectedHrp || n < 1)
        {
            return false;
        }

        var version = data[0];
        if (version > 16 || (version == 0 && encoding != Encoding.Bech32) || (version != 0 && encoding != Encoding.Bech32m))
        {
            return false;
        }

        // Convert 5-bit groups to bytes; leftover bits must be zero padding of fewer than 5 bits.
        int acc = 0, bits = 0, length = 0;
        for (var i = 1; i < n; i++)
        {
            acc = ((acc << 5) | data[i]) & 0xfff;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                length++;
            }
        }

        if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0)
        {
            return false;
        }

        return length is >= 2 and <= 40 && (version != 0 || length is 20 or 32);
    }

    private static uint Polymod(ReadOnlySpan<char> hrp, ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (var c in hrp)
        {
            chk = Step(chk) ^ (uint)(c >> 5);
        }

        chk = Step(chk);
        foreach (var c in hrp)
        {
            chk = Step(chk) ^ (uint)(c & 31);
        }

        foreach (var v in values)
        {
            chk = Step(chk) ^ v;
        }

        return chk;
    }

    private static uint Step(uint pre)
    {
        var b = pre >> 25;
        return ((pre & 0x1ffffff) << 5)
            ^ ((b & 1) != 0 ? 0x3b6a57b2u : 0)
            ^ ((b & 2) != 0 ? 0x26508e6du : 0)
            ^ ((b & 4) != 0 ? 0x1ea119fau : 0)
            ^ ((b & 8) != 0 ? 0x3d4233ddu : 0)
            ^ ((b & 16) != 0 ? 0x2a1462b3u : 0);
    }
}
