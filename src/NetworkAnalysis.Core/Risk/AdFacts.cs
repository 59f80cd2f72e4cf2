using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Core.Risk;

/// <summary>What the indicators need to know about one ad, computed once per scoring run.</summary>
internal sealed class AdFacts
{
    public required RiskAd Ad { get; init; }

    /// <summary>UTC ticks of the posting time, or null.</summary>
    public long? Ticks { get; init; }

    /// <summary>Lowercased, trimmed city, or null.</summary>
    public string? CityKey { get; init; }

    /// <summary>Index in <see cref="UsCityCoordinates"/>, or -1.</summary>
    public int CityCoord { get; init; } = -1;

    public required (int Age, int Start, int End)[] Ages { get; init; }

    public required (string Name, int Start, int End)[] Names { get; init; }

    public decimal? Price { get; init; }

    public int PriceStart { get; init; }

    public int PriceEnd { get; init; }

    public required PhraseHit[] Hits { get; init; }

    /// <summary>Distinct non-hub phone values, ordinal order.</summary>
    public required string[] Phones { get; init; }

    /// <summary>Whether a phone in the text is obfuscated (words, other digits, keycaps, digits spelled one by one; <see cref="IsObfuscatedNumber"/>).</summary>
    public bool HasObfuscatedPhone { get; init; }

    /// <summary>Template key (hash), or 0 when the ad has no usable template.</summary>
    public ulong Template { get; init; }

    public string Key => Ad.Key;

    /// <summary>Non-hub entities, with no duplicate (type, value).</summary>
    public IEnumerable<RiskEntityMention> Identifiers =>
        Ad.Entities.Where(e => !e.IsHub).DistinctBy(e => (e.Type, e.Value));

    /// <summary>Whether a phone number was written to dodge filters rather than plainly.</summary>
    public static bool IsObfuscatedNumber(ReadOnlySpan<char> raw)
    {
        // Plain: ASCII digits with the usual separators, in groups ("(702) 555-0143", "+1 702.555.0143"). Obfuscated:
        // anything else (number words, other scripts' or full-width digits, keycap emoji, letters for digits) and digits
        // spelled out one by one ("7 0 2 5 5 5 ...").
        var singles = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+' or '/'))
            {
                return true;
            }

            if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiDigit(raw[i - 1])) && (i + 1 == raw.Length || !char.IsAsciiDigit(raw[i + 1])) && ++singles >= 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether identifiers of this type are contacts (every type but URLs and photos).</summary>
    public static bool IsContact(EntityType type) => type is not (EntityType.Url or EntityType.Image);

    public static bool IsHandle(EntityType type) => type is EntityType.Email or EntityType.Cashtag or EntityType.Venmo
        or EntityType.Paypal or EntityType.Zelle or EntityType.AppleCash or EntityType.Btc or EntityType.Eth or EntityType.Usdt;
}
