namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>How a digit string became a valid number.</summary>
internal enum PhoneParseKind
{
    /// <summary>Not a valid number.</summary>
    None,

    /// <summary>Written with '+' or an international dialling prefix.</summary>
    International,

    /// <summary>A national number of the default region.</summary>
    National,

    /// <summary>A national number of a fallback region (the ad's own region did not fit).</summary>
    Fallback,
}

/// <summary>Validates digit strings against the numbering plan and formats them as E.164.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class PhoneParser
{
    private const int MaxDigits = 17;
    private static readonly string[] FallbackRegions = ["US", "GB"];

    /// <summary>Parses <paramref name="digits"/> (ASCII digits only) as a phone number.</summary>
    /// <param name="digits">The digits as written, without '+'.</param>
    /// <param name="plus">Whether a '+' preceded them.</param>
    /// <param name="region">Default region (ISO alpha-2); US when null or unknown.</param>
    /// <param name="e164">The number in E.164 form when valid.</param>
    public static PhoneParseKind TryParse(ReadOnlySpan<char> digits, bool plus, string? region, out string e164)
    {
        e164 = "";
        if (digits.Length is < 7 or > MaxDigits)
        {
            return PhoneParseKind.None;
        }

        var plan = NumberingPlan.Default;
        if (plus)
        {
            return TryInternational(plan, digits, out e164) ? PhoneParseKind.International : PhoneParseKind.None;
        }

        var home = plan.Region(region) ?? plan.Region("US")!;
        var idd = home.InternationalPrefixLength(digits);
        if (idd == 0 && digits.StartsWith("00"))
        {
            idd = 2;
        }

        if (idd > 0 && TryInternational(plan, digits[idd..], out e164))
        {
            return PhoneParseKind.International;
        }

        if (TryNational(plan, home, digits, out e164))
        {
            return PhoneParseKind.National;
        }

        foreach (var fallback in FallbackRegions)
        {
            var t = plan.Region(fallback);
            // A foreign national number needs its trunk prefix ("07700 900123" in a US ad), except NANP's 3-3-4 form.
            if (t is not null && t.CountryCode != home.CountryCode && (t.CountryCode == "1" || t.NationalPrefixLength(digits) > 0)
                && TryNational(plan, t, digits, out e164))
            {
                return PhoneParseKind.Fallback;
            }
        }

        return PhoneParseKind.None;
    }

    /// <summary>Reads <paramref name="digits"/> as a country code and national number whose '+' was lost ("44 7700 900123").</summary>
    /// <remarks>Weaker than <see cref="TryParse"/>: the caller tries it only when no reading as written fits.</remarks>
    /// <param name="digits">The digits as written.</param>
    /// <param name="ccLength">How many leading digits must be the country code (its own written group), or 0 for any.</param>
    /// <param name="e164">The number in E.164 form when valid.</param>
    public static PhoneParseKind TryParseBareInternational(ReadOnlySpan<char> digits, int ccLength, out string e164)
    {
        e164 = "";
        if (digits.Length is < 9 or > MaxDigits || digits[0] == '0'
            || (ccLength > 0 && (ccLength > 3 || NumberingPlan.Default.ForCountryCode(digits[..ccLength]).Length == 0)))
        {
            return PhoneParseKind.None;
        }

        return TryInternational(NumberingPlan.Default, digits, out e164) ? PhoneParseKind.Fallback : PhoneParseKind.None;
    }

    private static bool TryNational(NumberingPlan plan, Territory home, ReadOnlySpan<char> digits, out string e164)
    {
        e164 = "";
        var prefix = home.NationalPrefixLength(digits);
        if (prefix > 0 && plan.IsValid(home.CountryCode, digits[prefix..]))
        {
            e164 = Format(home.CountryCode, digits[prefix..]);
            return true;
        }

        // Without a trunk prefix only numbers that cannot start with one are national (NANP 702…, not UK 7700…).
        if ((home.NationalPrefix.Length == 0 || prefix == 0 || home.CountryCode == "1") && plan.IsValid(home.CountryCode, digits))
        {
            e164 = Format(home.CountryCode, digits);
            return true;
        }

        return false;
    }

    private static bool TryInternational(NumberingPlan plan, ReadOnlySpan<char> digits, out string e164)
    {
        e164 = "";
        for (var ccLength = 1; ccLength <= 3 && ccLength < digits.Length; ccLength++)
        {
            var territories = plan.ForCountryCode(digits[..ccLength]);
            if (territories.Length == 0)
            {
                continue;
            }

            var cc = digits[..ccLength];
            var nsn = digits[ccLength..];
            if (plan.IsValid(cc, nsn))
            {
                e164 = Format(territories[0].CountryCode, nsn);
                return true;
            }

            // "+44 (0) 7700 900123": a trunk prefix written after the country code.
            var trunk = territories[0].NationalPrefix;
            if (trunk.Length > 0 && nsn.StartsWith(trunk) && plan.IsValid(cc, nsn[trunk.Length..]))
            {
                e164 = Format(territories[0].CountryCode, nsn[trunk.Length..]);
                return true;
            }

            return false;
        }

        return false;
    }

    private static string Format(string countryCode, ReadOnlySpan<char> nsn) => string.Concat("+", countryCode, nsn);
}
