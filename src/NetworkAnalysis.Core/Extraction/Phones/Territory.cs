using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>One region's numbering plan as our finder reads it: country code and prefixes (validity is libphonenumber's).</summary>
internal sealed class Territory
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly string _internationalPrefix;
    private readonly string _nationalPrefixForParsing;
    private Regex? _idd;
    private Regex? _npfp;

    public Territory(string id, string countryCode, string internationalPrefix, string nationalPrefix, string nationalPrefixForParsing, bool isMain)
    {
        Id = id;
        CountryCode = countryCode;
        NationalPrefix = nationalPrefix;
        IsMain = isMain;
        _internationalPrefix = internationalPrefix;
        _nationalPrefixForParsing = nationalPrefixForParsing;
    }

    /// <summary>ISO region code ("US"), or "001" for non-geographic entities.</summary>
    public string Id { get; }

    /// <summary>Country calling code digits ("1", "44").</summary>
    public string CountryCode { get; }

    /// <summary>Trunk prefix dialled before national numbers ("0", "1"), or empty.</summary>
    public string NationalPrefix { get; }

    /// <summary>Whether this region is the main one for its country code.</summary>
    public bool IsMain { get; }

    /// <summary>Length of the international (IDD) prefix that <paramref name="digits"/> starts with, or 0.</summary>
    public int InternationalPrefixLength(ReadOnlySpan<char> digits) => PrefixLength(ref _idd, _internationalPrefix, digits);

    /// <summary>Length of the national prefix for parsing that <paramref name="digits"/> starts with, or 0.</summary>
    public int NationalPrefixLength(ReadOnlySpan<char> digits) =>
        _nationalPrefixForParsing.Length == 0
            ? NationalPrefix.Length > 0 && digits.StartsWith(NationalPrefix) ? NationalPrefix.Length : 0
            : PrefixLength(ref _npfp, _nationalPrefixForParsing, digits);

    /// <summary>The international (IDD) prefix pattern from the numbering plan, unanchored (tests).</summary>
    internal string InternationalPrefixPattern => _internationalPrefix;

    /// <summary>The national-prefix-for-parsing pattern from the numbering plan, unanchored (tests).</summary>
    internal string NationalPrefixForParsingPattern => _nationalPrefixForParsing;

    /// <summary>
    /// The anchored prefix regex on the non-backtracking engine, which runs in time linear in the input whatever the
    /// pattern (the patterns come from data, so they cannot be source-generated); null when the pattern uses a construct
    /// that engine lacks, in which case <see cref="PrefixLength"/> falls back to the backtracking engine with a timeout.
    /// </summary>
    internal static Regex? LinearPrefixRegex(string pattern)
    {
        try
        {
            return new Regex(@"\A(?:" + pattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The same anchored prefix regex on the backtracking engine (the fallback, and the tests' reference).</summary>
    internal static Regex BacktrackingPrefixRegex(string pattern) =>
        new(@"\A(?:" + pattern + ")", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    /// <summary>Length of the leftmost match of <paramref name="regex"/> at the start of <paramref name="digits"/>, or 0.</summary>
    internal static int MatchLength(Regex regex, ReadOnlySpan<char> digits)
    {
        foreach (var m in regex.EnumerateMatches(digits))
        {
            return m.Length;
        }

        return 0;
    }

    private static int PrefixLength(ref Regex? regex, string pattern, ReadOnlySpan<char> digits)
    {
        if (pattern.Length == 0)
        {
            return 0;
        }

        regex ??= LinearPrefixRegex(pattern) ?? BacktrackingPrefixRegex(pattern);
        try
        {
            return MatchLength(regex, digits);
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the backtracking fallback has a timeout. Once more with a generous budget: a timeout on a short
            // anchored prefix means a starved thread, and answering 0 would make the same ad's numbers depend on load.
            try
            {
                var m = Regex.Match(digits.ToString(), regex.ToString(), regex.Options, TimeSpan.FromSeconds(5));
                return m.Success ? m.Length : 0;
            }
            catch (RegexMatchTimeoutException)
            {
                return 0;
            }
        }
    }
}
