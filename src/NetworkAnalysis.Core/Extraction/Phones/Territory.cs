using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>One region's numbering plan: country code, prefixes and the pattern of valid national numbers.</summary>
internal sealed class Territory
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly string _validPattern;
    private readonly string _internationalPrefix;
    private readonly string _nationalPrefixForParsing;
    private Regex? _idd;
    private Regex? _npfp;

    public Territory(string id, string countryCode, string internationalPrefix, string nationalPrefix, string nationalPrefixForParsing, bool isMain, string validPattern)
    {
        Id = id;
        CountryCode = countryCode;
        NationalPrefix = nationalPrefix;
        IsMain = isMain;
        _internationalPrefix = internationalPrefix;
        _nationalPrefixForParsing = nationalPrefixForParsing;
        _validPattern = validPattern;
    }

    /// <summary>ISO region code ("US"), or "001" for non-geographic entities.</summary>
    public string Id { get; }

    /// <summary>Country calling code digits ("1", "44").</summary>
    public string CountryCode { get; }

    /// <summary>Trunk prefix dialled before national numbers ("0", "1"), or empty.</summary>
    public string NationalPrefix { get; }

    /// <summary>Whether this region is the main one for its country code.</summary>
    public bool IsMain { get; }

    /// <summary>The union of this region's number-type patterns (no anchors).</summary>
    public string ValidPattern => _validPattern;

    /// <summary>Length of the international (IDD) prefix that <paramref name="digits"/> starts with, or 0.</summary>
    public int InternationalPrefixLength(ReadOnlySpan<char> digits) => PrefixLength(ref _idd, _internationalPrefix, digits);

    /// <summary>Length of the national prefix for parsing that <paramref name="digits"/> starts with, or 0.</summary>
    public int NationalPrefixLength(ReadOnlySpan<char> digits) =>
        _nationalPrefixForParsing.Length == 0
            ? NationalPrefix.Length > 0 && digits.StartsWith(NationalPrefix) ? NationalPrefix.Length : 0
            : PrefixLength(ref _npfp, _nationalPrefixForParsing, digits);

    private static int PrefixLength(ref Regex? regex, string pattern, ReadOnlySpan<char> digits)
    {
        if (pattern.Length == 0)
        {
            return 0;
        }

        regex ??= new Regex(@"\A(?:" + pattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        try
        {
            foreach (var m in regex.EnumerateMatches(digits))
            {
                return m.Length;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return 0;
        }

        return 0;
    }
}
