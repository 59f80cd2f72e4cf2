using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>Validity of national numbers for one country calling code (all regions sharing it), with a bounded cache.</summary>
/// <remarks>
/// One regex per country code (the union of its regions' patterns, built from the embedded numbering-plan table, so it
/// cannot be source-generated) runs on the non-backtracking engine: linear in the input whatever the pattern. Inputs are
/// at most 17 digits and ads repeat the same numbers, so answers are cached. Thread-safe.
/// </remarks>
internal sealed class CountryCodeValidator
{
    private const int CacheLimit = 200_000;
    private static readonly TimeSpan RetryTimeout = TimeSpan.FromSeconds(5);
    private readonly Territory[] _territories;
    private readonly ConcurrentDictionary<string, bool> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private Regex? _regex;

    public CountryCodeValidator(Territory[] territories)
    {
        _territories = territories;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="nsn"/> is a valid national significant number under this country code.</summary>
    public bool IsValid(ReadOnlySpan<char> nsn)
    {
        if (_lookup.TryGetValue(nsn, out var cached))
        {
            return cached;
        }

        var valid = Match(nsn, out var timedOut);
        // A timeout says the thread was starved (inputs are at most 17 digits), not that the number is invalid:
        // caching it would make one slow moment decide every later ad with this number, and ingests stop being
        // reproducible (found by the kill-and-resume test, whose resumed runs start cold on a busy machine).
        if (!timedOut && _cache.Count < CacheLimit)
        {
            _lookup.TryAdd(nsn, valid);
        }

        return valid;
    }

    private bool Match(ReadOnlySpan<char> nsn, out bool timedOut)
    {
        timedOut = false;
        foreach (var t in _territories)
        {
            if (FictionalRanges.IsFictional(t.Id, nsn))
            {
                return true;
            }
        }

        // Races build the same immutable Regex twice at worst; no lock needed.
        _regex ??= new Regex(
            @"\A(?:" + string.Join('|', _territories.Select(t => t.ValidPattern).Distinct(StringComparer.Ordinal)) + @")\z",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking,
            // The non-backtracking engine is linear in the input, so no timeout is needed; one would only make the same
            // ad's numbers depend on how busy the machine is.
            Regex.InfiniteMatchTimeout);
        try
        {
            return _regex.IsMatch(nsn);
        }
        catch (RegexMatchTimeoutException)
        {
            // Once more with a generous budget: on a bounded input only a starved thread gets here.
            try
            {
                return Regex.IsMatch(nsn.ToString(), _regex.ToString(), _regex.Options, RetryTimeout);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut = true;
                return false;
            }
        }
    }
}
