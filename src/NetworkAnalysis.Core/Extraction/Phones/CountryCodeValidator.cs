using System.Collections.Concurrent;
using PhoneNumbers;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>Validity of national numbers for one country calling code (all regions sharing it), with a bounded cache.</summary>
/// <remarks>
/// The decision is libphonenumber's (<see cref="PhoneNumberUtil.IsValidNumber"/> on its maintained metadata), plus the
/// narrow allowance for ranges reserved for fiction (<see cref="FictionalRanges"/>). A miss costs tens of microseconds
/// and ads repeat the same numbers, so answers are cached. Thread-safe.
/// </remarks>
internal sealed class CountryCodeValidator
{
    private const int CacheLimit = 200_000;
    private readonly Territory[] _territories;
    private readonly int _countryCode;
    private readonly ConcurrentDictionary<string, bool> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Entries added so far. ConcurrentDictionary.Count takes every one of the dictionary's locks: asked on every miss, it was
    // ~8% of extraction's CPU in a 100,000-ad ingest (#21, session 13). The cache only saves time, so an approximate limit is enough.
    private int _count;

    public CountryCodeValidator(Territory[] territories)
    {
        _territories = territories;
        _countryCode = int.Parse(territories[0].CountryCode, System.Globalization.CultureInfo.InvariantCulture);
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="nsn"/> is a valid national significant number under this country code.</summary>
    public bool IsValid(ReadOnlySpan<char> nsn)
    {
        if (_lookup.TryGetValue(nsn, out var cached))
        {
            return cached;
        }

        var valid = Match(nsn);
        if (Volatile.Read(ref _count) < CacheLimit && _lookup.TryAdd(nsn, valid))
        {
            Interlocked.Increment(ref _count);
        }

        return valid;
    }

    private bool Match(ReadOnlySpan<char> nsn)
    {
        foreach (var t in _territories)
        {
            if (FictionalRanges.IsFictional(t.Id, nsn))
            {
                return true;
            }
        }

        return PhoneLibrary.TryBuild(_countryCode, nsn, out var number) && PhoneLibrary.Util.IsValidNumber(number);
    }
}
