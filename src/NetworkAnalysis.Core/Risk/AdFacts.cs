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

    /// <summary>Whether a phone in the text is written with letters (obfuscated).</summary>
    public bool HasObfuscatedPhone { get; init; }

    /// <summary>Template key (hash), or 0 when the ad has no usable template.</summary>
    public ulong Template { get; init; }

    public string Key => Ad.Key;

    /// <summary>Non-hub entities, with no duplicate (type, value).</summary>
    public IEnumerable<RiskEntityMention> Identifiers =>
        Ad.Entities.Where(e => !e.IsHub).DistinctBy(e => (e.Type, e.Value));

    public static bool IsContact(EntityType type) => type is not (EntityType.Url or EntityType.Image);

    public static bool IsHandle(EntityType type) => type is EntityType.Email or EntityType.Cashtag or EntityType.Venmo
        or EntityType.Paypal or EntityType.Zelle or EntityType.AppleCash or EntityType.Btc or EntityType.Eth or EntityType.Usdt;
}
