using PhoneNumbers;

namespace NetworkAnalysis.Core.Extraction.Phones;

/// <summary>The one place Core talks to libphonenumber-csharp: its validator, its offline geocoder and its version.</summary>
/// <remarks>The library's singletons are immutable after load and thread-safe.</remarks>
internal static class PhoneLibrary
{
    // Issue #21: made on first use, not with the class: every analyze records the metadata version (Version below) and
    // had loaded the whole utility for it (~0.07 CPU s of a 1M incremental analyze, which reads no phone number).
    private static readonly Lazy<PhoneNumberUtil> LazyUtil = new(PhoneNumberUtil.GetInstance);

    /// <summary>libphonenumber's phone number utility (made, with its metadata, on first use).</summary>
    public static PhoneNumberUtil Util => LazyUtil.Value;

    private static readonly Lazy<PhoneNumberOfflineGeocoder> LazyGeocoder = new(PhoneNumberOfflineGeocoder.GetInstance);

    /// <summary>libphonenumber's offline geocoder (prefix files loaded per country code on first use).</summary>
    public static PhoneNumberOfflineGeocoder Geocoder => LazyGeocoder.Value;

    /// <summary>The libphonenumber-csharp package version, which pins its metadata ("9.0.43").</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>A library number from a country calling code and national significant number (ASCII digits).</summary>
    /// <returns>False when <paramref name="nsn"/> is empty, too long or not all digits.</returns>
    public static bool TryBuild(int countryCode, ReadOnlySpan<char> nsn, out PhoneNumber number)
    {
        number = null!;
        if (nsn.Length is 0 or > 17 || !ulong.TryParse(nsn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var national))
        {
            return false;
        }

        var builder = new PhoneNumber.Builder().SetCountryCode(countryCode).SetNationalNumber(national);
        var zeros = 0;
        while (zeros < nsn.Length - 1 && nsn[zeros] == '0')
        {
            zeros++;
        }

        // libphonenumber keeps leading zeros of the national number (Italy's 06…) as a flag and a count.
        if (zeros > 0)
        {
            builder.SetNumberOfLeadingZeros(zeros);
        }

        number = builder.Build();
        return true;
    }

    private static string ReadVersion()
    {
        var assembly = typeof(PhoneNumberUtil).Assembly;
        var informational = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .Select(a => a.InformationalVersion)
            .FirstOrDefault();
        // "9.0.43+<commit>": the part before '+' is the NuGet package version.
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
    }
}
