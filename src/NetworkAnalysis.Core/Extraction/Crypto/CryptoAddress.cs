using System.Text;

namespace NetworkAnalysis.Core.Extraction.Crypto;

/// <summary>Checksum validation of Bitcoin, Ethereum and Tron (USDT-TRC20) addresses.</summary>
internal static class CryptoAddress
{
    /// <summary>Whether <paramref name="s"/> is a mainnet Bitcoin address (P2PKH/P2SH base58check, or bech32/bech32m SegWit).</summary>
    public static bool IsBitcoin(ReadOnlySpan<char> s)
    {
        if (s.Length > 3 && s[..3].Equals("bc1", StringComparison.OrdinalIgnoreCase))
        {
            return Bech32.IsSegwitAddress(s, "bc");
        }

        if (s.Length is < 26 or > 35 || s[0] is not ('1' or '3'))
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[40];
        var n = Base58Check.DecodeCheck(s, payload);
        return n == 21 && payload[0] is 0x00 or 0x05;
    }

    /// <summary>Whether <paramref name="s"/> is a Tron address (base58check, version 0x41), the form USDT-TRC20 uses.</summary>
    public static bool IsTron(ReadOnlySpan<char> s)
    {
        if (s.Length != 34 || s[0] != 'T')
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[40];
        return Base58Check.DecodeCheck(s, payload) == 21 && payload[0] == 0x41;
    }

    /// <summary>Whether the 40 hex digits after "0x" pass EIP-55: all-lower and all-upper always pass, mixed case must match the checksum.</summary>
    public static bool IsEthereumChecksumValid(ReadOnlySpan<char> hex40)
    {
        bool lower = false, upper = false;
        foreach (var c in hex40)
        {
            lower |= c is >= 'a' and <= 'f';
            upper |= c is >= 'A' and <= 'F';
        }

        if (!(lower && upper))
        {
            return true;
        }

        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)char.ToLowerInvariant(hex40[i]);
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(ascii, hash);
        for (var i = 0; i < 40; i++)
        {
            var c = hex40[i];
            if (!char.IsAsciiLetter(c))
            {
                continue;
            }

            var nibble = (i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2]) & 0xF;
            if ((nibble >= 8) != char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string HexString(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            sb.Append(b.ToString("x2"));
        }

        return sb.ToString();
    }
}
