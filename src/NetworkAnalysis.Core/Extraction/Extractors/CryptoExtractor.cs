using NetworkAnalysis.Core.Extraction.Crypto;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds checksum-valid cryptocurrency addresses: Bitcoin, Ethereum and USDT-TRC20 (Tron).</summary>
/// <remarks>
/// Bitcoin: base58check P2PKH/P2SH and bech32/bech32m SegWit (BIP-173/350), mainnet only. Ethereum: "0x" and 40 hex
/// digits, EIP-55 checksum enforced when mixed case. Tron: base58check with version 0x41. Values: Ethereum and bech32
/// lower case, base58 as written (it is case-sensitive).
/// </remarks>
public sealed class CryptoExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "crypto";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length < 26 || length > 90 || (start > 0 && text[start - 1] is '/' or '=' or '-' or '_' or '.') || (i < text.Length && text[i] is '-' or '_'))
            {
                continue;
            }

            var token = text.AsSpan(start, length);
            if (length == 42 && token[0] == '0' && token[1] is 'x' or 'X' && IsHex(token[2..]))
            {
                if (CryptoAddress.IsEthereumChecksumValid(token[2..]))
                {
                    entities.Add(input.Mention(EntityType.Eth, "0x" + token[2..].ToString().ToLowerInvariant(), start, i, 0.97, Name));
                }
            }
            else if (token[0] is 'b' or 'B' && CryptoAddress.IsBitcoin(token))
            {
                entities.Add(input.Mention(EntityType.Btc, token.ToString().ToLowerInvariant(), start, i, 0.99, Name));
            }
            else if (token[0] is '1' or '3' && CryptoAddress.IsBitcoin(token))
            {
                entities.Add(input.Mention(EntityType.Btc, token.ToString(), start, i, 0.99, Name));
            }
            else if (token[0] == 'T' && CryptoAddress.IsTron(token))
            {
                entities.Add(input.Mention(EntityType.Usdt, token.ToString(), start, i, 0.97, Name));
            }
        }
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
