using System.Text.Json;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Crypto;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Extraction.PublicCases;

/// <summary>BIP-173/350 bech32 vectors, Bitcoin Core base58 and address vectors, and EIP-55 cases.</summary>
public sealed class CryptoVectorsTests
{
    private static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(TestData.Shared("crypto-address-vectors/" + file))).RootElement;

    [SkippableFact]
    public void Bech32Decode_ReferenceVectors_MatchValidity()
    {
        // Given the BIP-173 and BIP-350 checksum vectors
        var root = Load("bech32_bip173_bip350_vectors.json");

        Span<byte> data = stackalloc byte[90];
        foreach (var (name, expected) in new[] { ("VALID_BECH32", Bech32.Encoding.Bech32), ("VALID_BECH32M", Bech32.Encoding.Bech32m) })
        {
            foreach (var s in root.GetProperty(name).EnumerateArray())
            {
                // When decoded, then the checksum kind matches
                Bech32.Decode(s.GetString(), out _, data, out _).ShouldBe(expected, s.GetString());
            }
        }

        foreach (var name in new[] { "INVALID_BECH32", "INVALID_BECH32M" })
        {
            var other = name == "INVALID_BECH32" ? Bech32.Encoding.Bech32 : Bech32.Encoding.Bech32m;
            foreach (var s in root.GetProperty(name).EnumerateArray())
            {
                Bech32.Decode(s.GetString(), out _, data, out _).ShouldNotBe(other, s.GetString());
            }
        }
    }

    [SkippableFact]
    public void IsBitcoin_SegwitAddressVectors_MatchValidity()
    {
        // Given valid and invalid SegWit addresses
        var root = Load("bech32_bip173_bip350_vectors.json");

        foreach (var pair in root.GetProperty("VALID_ADDRESS").EnumerateArray())
        {
            var address = pair[0].GetString()!;

            // When checked as mainnet, then only bc addresses pass
            CryptoAddress.IsBitcoin(address).ShouldBe(address.StartsWith("bc", StringComparison.OrdinalIgnoreCase), address);
        }

        foreach (var address in root.GetProperty("INVALID_ADDRESS").EnumerateArray())
        {
            CryptoAddress.IsBitcoin(address.GetString()).ShouldBeFalse(address.GetString());
        }
    }

    [SkippableFact]
    public void Base58Decode_BitcoinCoreVectors_RoundTrip()
    {
        // Given Bitcoin Core's base58 encode/decode pairs
        var root = Load("bitcoin_core_base58_encode_decode.json");

        Span<byte> output = stackalloc byte[256];
        foreach (var pair in root.EnumerateArray())
        {
            var hex = pair[0].GetString()!;
            var encoded = pair[1].GetString()!;
            if (encoded.Length > 120)
            {
                // The decoder is bounded to address-sized input on purpose (addresses are 25 bytes).
                Base58Check.Decode(encoded, output).ShouldBe(-1);
                continue;
            }

            // When decoded
            var n = Base58Check.Decode(encoded, output);

            // Then the bytes match
            n.ShouldBe(hex.Length / 2, encoded);
            Convert.ToHexStringLower(output[..n]).ShouldBe(hex.ToLowerInvariant());
        }
    }

    [SkippableFact]
    public void IsBitcoin_KeyIoVectors_AcceptMainnetAddressesOnly()
    {
        // Given Bitcoin Core's valid and invalid key/address vectors
        var valid = Load("bitcoin_core_key_io_valid.json");
        var invalid = Load("bitcoin_core_key_io_invalid.json");

        var checkedMainnet = 0;
        foreach (var v in valid.EnumerateArray())
        {
            var s = v[0].GetString()!;
            var meta = v[2];
            var isMainnetAddress = meta.GetProperty("chain").GetString() == "main" && !meta.GetProperty("isPrivkey").GetBoolean();

            // When checked, then mainnet addresses pass and keys or testnet addresses do not
            CryptoAddress.IsBitcoin(s).ShouldBe(isMainnetAddress, s);
            checkedMainnet += isMainnetAddress ? 1 : 0;
        }

        checkedMainnet.ShouldBeGreaterThan(5);
        foreach (var v in invalid.EnumerateArray())
        {
            CryptoAddress.IsBitcoin(v[0].GetString()).ShouldBeFalse(v[0].GetString());
        }
    }

    [SkippableFact]
    public void IsEthereumChecksumValid_Eip55Cases_MatchExpected()
    {
        // Given the EIP-55 test cases
        var root = Load("eip55_test_cases.json");

        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var address = c.GetProperty("address").GetString()!;

            // When the checksum is checked, then it matches the expectation
            CryptoAddress.IsEthereumChecksumValid(address.AsSpan(2)).ShouldBe(c.GetProperty("valid_checksum").GetBoolean(), address);
        }
    }

    [Fact]
    public void Extract_Eip55AddressWithOneCaseFlipped_IsRejected()
    {
        // Given a checksummed address and the same address with one letter's case flipped
        const string good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        var bad = good[..^1] + "D";

        // When extracted
        var extractor = new EntityExtractor();

        // Then only the valid one is an ETH address
        extractor.Extract("eth " + good, "US").Entities.Count(m => m.Type == EntityType.Eth).ShouldBe(1);
        extractor.Extract("eth " + bad, "US").Entities.Count(m => m.Type == EntityType.Eth).ShouldBe(0);
    }
}
