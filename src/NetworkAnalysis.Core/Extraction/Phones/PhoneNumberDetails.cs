using PhoneNumbers;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>What libphonenumber says about an extracted number: its region, where it is (offline geocoder) and its type.</summary>
/// <param name="E164">The number as stored ("+17025550143").</param>
/// <param name="Region">ISO region code ("US"), or empty when the number fits no region.</param>
/// <param name="Location">Offline-geocoder description in English ("Nevada", "New York, NY", "London"), or empty.</param>
/// <param name="Type">Number type in plain words ("fixed line or mobile", "mobile", "toll-free", "VoIP"), or "unknown".</param>
/// <remarks>
/// Derived from the E.164 string alone with the metadata of the libphonenumber-csharp package this build ships
/// (<see cref="MetadataVersion"/>): about 30 µs a number. A case stores the details of each phone entity when an ingest
/// creates it (with the version in <see cref="Metadata"/>), and every reader reads them from there: a later package with
/// newer metadata does not change what an investigation already showed.
/// For NANP the type is usually "fixed line or mobile": the plan does not tell them apart.
/// </remarks>
public sealed record PhoneNumberDetails(string E164, string Region, string Location, string Type)
{
    /// <summary>The libphonenumber-csharp version whose metadata produced these details: this build's for <see cref="Describe"/>,
    /// the stored one for details read from a case.</summary>
    public string Metadata { get; init; } = PhoneLibrary.Version;

    /// <summary>The libphonenumber-csharp package version whose metadata decides validity, region and type ("9.0.43").</summary>
    public static string MetadataVersion => PhoneLibrary.Version;

    /// <summary>The details of <paramref name="e164"/>, or null when it is not an E.164 number ("+" and 8 to 16 digits).</summary>
    public static PhoneNumberDetails? Describe(string? e164)
    {
        if (e164 is null || e164.Length is < 8 or > 17 || e164[0] != '+')
        {
            return null;
        }

        var digits = e164.AsSpan(1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        for (var ccLength = 1; ccLength <= 3 && ccLength < digits.Length; ccLength++)
        {
            if (NumberingPlan.Default.ForCountryCode(digits[..ccLength]).Length == 0)
            {
                continue;
            }

            var cc = int.Parse(digits[..ccLength], provider: System.Globalization.CultureInfo.InvariantCulture);

            if (!PhoneLibrary.TryBuild(cc, digits[ccLength..], out var number))
            {
                return null;
            }

            var region = PhoneLibrary.Util.GetRegionCodeForNumber(number) ?? "";
            if (region == "ZZ")
            {
                region = "";
            }

            var type = PhoneLibrary.Util.GetNumberType(number);
            if (type == PhoneNumberType.UNKNOWN && FictionalRanges.IsFictional("GB", digits[ccLength..]) && cc == 44)
            {
                // Ofcom's drama range: a mobile number in everything but allocation.
                return new PhoneNumberDetails(e164, "GB", "United Kingdom", Words(PhoneNumberType.MOBILE));
            }

            var location = PhoneLibrary.Geocoder.GetDescriptionForNumber(number, Locale.English);
            return new PhoneNumberDetails(e164, region, location ?? "", Words(type));
        }

        return null;
    }

    /// <summary>The type in plain words, as shown to investigators.</summary>
    private static string Words(PhoneNumberType type) => type switch
    {
        PhoneNumberType.FIXED_LINE => "fixed line",
        PhoneNumberType.MOBILE => "mobile",
        PhoneNumberType.FIXED_LINE_OR_MOBILE => "fixed line or mobile",
        PhoneNumberType.TOLL_FREE => "toll-free",
        PhoneNumberType.PREMIUM_RATE => "premium rate",
        PhoneNumberType.SHARED_COST => "shared cost",
        PhoneNumberType.VOIP => "VoIP",
        PhoneNumberType.PERSONAL_NUMBER => "personal number",
        PhoneNumberType.PAGER => "pager",
        PhoneNumberType.UAN => "universal access number",
        PhoneNumberType.VOICEMAIL => "voicemail",
        _ => "unknown",
    };
}
