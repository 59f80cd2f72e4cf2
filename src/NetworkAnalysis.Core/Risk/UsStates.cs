namespace NetworkAnalysis.Core.Risk;

/// <summary>US state (and DC) names and postal codes, to compare an ad's state with a phone number's geocoded state.</summary>
internal static class UsStates
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA",
        ["Colorado"] = "CO", ["Connecticut"] = "CT", ["Delaware"] = "DE", ["District of Columbia"] = "DC",
        ["Washington D.C."] = "DC", ["Washington DC"] = "DC", ["Florida"] = "FL", ["Georgia"] = "GA", ["Hawaii"] = "HI",
        ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN", ["Iowa"] = "IA", ["Kansas"] = "KS", ["Kentucky"] = "KY",
        ["Louisiana"] = "LA", ["Maine"] = "ME", ["Maryland"] = "MD", ["Massachusetts"] = "MA", ["Michigan"] = "MI",
        ["Minnesota"] = "MN", ["Mississippi"] = "MS", ["Missouri"] = "MO", ["Montana"] = "MT", ["Nebraska"] = "NE",
        ["Nevada"] = "NV", ["New Hampshire"] = "NH", ["New Jersey"] = "NJ", ["New Mexico"] = "NM", ["New York"] = "NY",
        ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH", ["Oklahoma"] = "OK", ["Oregon"] = "OR",
        ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC", ["South Dakota"] = "SD",
        ["Tennessee"] = "TN", ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT", ["Virginia"] = "VA",
        ["Washington"] = "WA", ["West Virginia"] = "WV", ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
    };

    private static readonly HashSet<string> Codes = new(ByName.Values, StringComparer.OrdinalIgnoreCase);

    /// <summary>The postal code of a state written as a name ("Nevada") or a code ("nv"), or null.</summary>
    public static string? Code(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return t.Length == 2 && Codes.Contains(t) ? t.ToUpperInvariant() : ByName.GetValueOrDefault(t);
    }

    /// <summary>
    /// The state of an offline-geocoder description of a US number: "Nevada" → NV, "New York, NY" → NY; null when it
    /// names no state (toll-free and non-geographic numbers have no description).
    /// </summary>
    public static string? OfGeocoded(string description)
    {
        var comma = description.LastIndexOf(',');
        return comma >= 0 ? Code(description[(comma + 1)..]) : Code(description);
    }
}
