using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>The world's numbering plans (country codes and prefixes), read from libphonenumber-csharp's metadata.</summary>
/// <remarks>
/// Our finder uses the prefixes to read obfuscated text; whether a national number is valid is asked of libphonenumber
/// through <see cref="CountryCodeValidator"/>. Immutable after load; prefix regexes compile lazily on first use. Thread-safe.
/// </remarks>
internal sealed class NumberingPlan
{
    private static readonly Lazy<NumberingPlan> Instance = new(Load);

    private readonly FrozenDictionary<string, Territory> _byRegion;
    private readonly FrozenDictionary<string, Territory[]> _byCountryCode;

    private NumberingPlan(IEnumerable<Territory> territories)
    {
        var list = territories.ToList();
        _byRegion = list.Where(t => t.Id != "001").ToFrozenDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        _byCountryCode = list.GroupBy(t => t.CountryCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.IsMain).ToArray(), StringComparer.Ordinal);
        _byCountryCodeLookup = _byCountryCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _validators = _byCountryCode.ToFrozenDictionary(p => p.Key, p => new CountryCodeValidator(p.Value), StringComparer.Ordinal);
        _validatorLookup = _validators.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly FrozenDictionary<string, CountryCodeValidator> _validators;
    private readonly FrozenDictionary<string, CountryCodeValidator>.AlternateLookup<ReadOnlySpan<char>> _validatorLookup;

    /// <summary>Whether <paramref name="nsn"/> is valid in any region with calling code <paramref name="countryCode"/>.</summary>
    public bool IsValid(ReadOnlySpan<char> countryCode, ReadOnlySpan<char> nsn) =>
        _validatorLookup.TryGetValue(countryCode, out var v) && v.IsValid(nsn);

    private readonly FrozenDictionary<string, Territory[]>.AlternateLookup<ReadOnlySpan<char>> _byCountryCodeLookup;

    /// <summary>The plan from libphonenumber's metadata.</summary>
    public static NumberingPlan Default => Instance.Value;

    /// <summary>Every territory, non-geographic entities included (tests).</summary>
    internal IEnumerable<Territory> All => _byCountryCode.Values.SelectMany(t => t);

    /// <summary>Number of territories loaded.</summary>
    public int Count => _byRegion.Count;

    /// <summary>The territory for an ISO region code, or null.</summary>
    public Territory? Region(string? region) =>
        region is not null && _byRegion.TryGetValue(region, out var t) ? t : null;

    /// <summary>Territories sharing a country calling code, main one first; empty when unknown.</summary>
    public Territory[] ForCountryCode(ReadOnlySpan<char> countryCode) =>
        _byCountryCodeLookup.TryGetValue(countryCode, out var list) ? list : [];

    private static NumberingPlan Load()
    {
        var util = PhoneLibrary.Util;
        var territories = new List<Territory>();
        foreach (var region in util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            territories.Add(FromMetadata(util.GetMetadataForRegion(region)));
        }

        foreach (var code in util.GetSupportedGlobalNetworkCallingCodes().Order())
        {
            territories.Add(FromMetadata(util.GetMetadataForNonGeographicalRegion(code)));
        }

        return new NumberingPlan(territories);
    }

    private static Territory FromMetadata(PhoneNumbers.PhoneMetadata m) =>
        new(m.Id, m.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture), m.InternationalPrefix ?? "",
            m.NationalPrefix ?? "", m.NationalPrefixForParsing ?? "", m.MainCountryForCode);
}
