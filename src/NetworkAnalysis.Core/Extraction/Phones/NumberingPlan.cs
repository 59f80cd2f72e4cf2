using System.Collections.Frozen;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>The world's numbering plans, loaded from the embedded table derived from libphonenumber metadata.</summary>
/// <remarks>Immutable after load; territory regexes compile lazily on first use. Thread-safe.</remarks>
internal sealed class NumberingPlan
{
    private const string ResourceName = "NetworkAnalysis.Core.NumberingPlan.tsv";
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

    /// <summary>The plan from the embedded table.</summary>
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
        using var stream = typeof(NumberingPlan).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Embedded resource missing: " + ResourceName);
        using var reader = new StreamReader(stream);
        return new NumberingPlan(Parse(reader));
    }

    internal static IEnumerable<Territory> Parse(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length == 7)
            {
                yield return new Territory(f[0], f[1], f[2], f[3], f[4], f[5] == "1", f[6]);
            }
        }
    }
}
