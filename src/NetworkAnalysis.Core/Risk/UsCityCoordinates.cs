namespace NetworkAnalysis.Core.Risk;

/// <summary>A small embedded table of US city coordinates for the "simultaneous ads in distant cities" indicator.</summary>
/// <remarks>
/// Approximate city-centre coordinates (degrees, WGS84), public geographic facts rounded to 0.01°. Lookup is by
/// city name, case-insensitive; names that exist in several states resolve to the largest city. Unknown cities
/// are simply not compared.
/// </remarks>
internal static class UsCityCoordinates
{
    private static readonly Dictionary<string, int> Index;
    private static readonly (string Name, string State, double Lat, double Lon)[] Cities =
    [
        ("New York", "NY", 40.71, -74.01), ("Los Angeles", "CA", 34.05, -118.24), ("Chicago", "IL", 41.88, -87.63),
        ("Houston", "TX", 29.76, -95.37), ("Phoenix", "AZ", 33.45, -112.07), ("Philadelphia", "PA", 39.95, -75.17),
        ("San Antonio", "TX", 29.42, -98.49), ("San Diego", "CA", 32.72, -117.16), ("Dallas", "TX", 32.78, -96.80),
        ("San Jose", "CA", 37.34, -121.89), ("Austin", "TX", 30.27, -97.74), ("Jacksonville", "FL", 30.33, -81.66),
        ("Fort Worth", "TX", 32.76, -97.33), ("Columbus", "OH", 39.96, -83.00), ("Charlotte", "NC", 35.23, -80.84),
        ("San Francisco", "CA", 37.77, -122.42), ("Indianapolis", "IN", 39.77, -86.16), ("Seattle", "WA", 47.61, -122.33),
        ("Denver", "CO", 39.74, -104.99), ("Washington", "DC", 38.91, -77.04), ("Boston", "MA", 42.36, -71.06),
        ("El Paso", "TX", 31.76, -106.49), ("Nashville", "TN", 36.16, -86.78), ("Detroit", "MI", 42.33, -83.05),
        ("Oklahoma City", "OK", 35.47, -97.52), ("Portland", "OR", 45.52, -122.68), ("Las Vegas", "NV", 36.17, -115.14),
        ("Memphis", "TN", 35.15, -90.05), ("Louisville", "KY", 38.25, -85.76), ("Baltimore", "MD", 39.29, -76.61),
        ("Milwaukee", "WI", 43.04, -87.91), ("Albuquerque", "NM", 35.08, -106.65), ("Tucson", "AZ", 32.22, -110.97),
        ("Fresno", "CA", 36.74, -119.79), ("Sacramento", "CA", 38.58, -121.49), ("Kansas City", "MO", 39.10, -94.58),
        ("Atlanta", "GA", 33.75, -84.39), ("Miami", "FL", 25.76, -80.19), ("Raleigh", "NC", 35.78, -78.64),
        ("Omaha", "NE", 41.26, -95.93), ("Minneapolis", "MN", 44.98, -93.27), ("Tulsa", "OK", 36.15, -95.99),
        ("Cleveland", "OH", 41.50, -81.69), ("Wichita", "KS", 37.69, -97.34), ("New Orleans", "LA", 29.95, -90.07),
        ("Tampa", "FL", 27.95, -82.46), ("Orlando", "FL", 28.54, -81.38), ("Pittsburgh", "PA", 40.44, -80.00),
        ("Cincinnati", "OH", 39.10, -84.51), ("St. Louis", "MO", 38.63, -90.20), ("Saint Louis", "MO", 38.63, -90.20),
        ("Salt Lake City", "UT", 40.76, -111.89), ("Honolulu", "HI", 21.31, -157.86), ("Anchorage", "AK", 61.22, -149.90),
        ("Buffalo", "NY", 42.89, -78.88), ("Newark", "NJ", 40.74, -74.17), ("Richmond", "VA", 37.54, -77.44),
        ("Birmingham", "AL", 33.52, -86.80), ("Boise", "ID", 43.62, -116.20), ("Reno", "NV", 39.53, -119.81),
        ("Spokane", "WA", 47.66, -117.43), ("Des Moines", "IA", 41.59, -93.62), ("Little Rock", "AR", 34.75, -92.29),
        ("Jackson", "MS", 32.30, -90.18), ("Charleston", "SC", 32.78, -79.93), ("Savannah", "GA", 32.08, -81.09),
        ("Hartford", "CT", 41.76, -72.67), ("Providence", "RI", 41.82, -71.41), ("Baton Rouge", "LA", 30.45, -91.19),
        ("Corpus Christi", "TX", 27.80, -97.40), ("Laredo", "TX", 27.53, -99.49), ("Bakersfield", "CA", 35.37, -119.02),
        ("Long Beach", "CA", 33.77, -118.19), ("Oakland", "CA", 37.80, -122.27), ("Mesa", "AZ", 33.42, -111.83),
        ("Virginia Beach", "VA", 36.85, -75.98), ("Colorado Springs", "CO", 38.83, -104.82), ("Arlington", "TX", 32.74, -97.11),
        ("Atlantic City", "NJ", 39.36, -74.42), ("Myrtle Beach", "SC", 33.69, -78.89), ("Knoxville", "TN", 35.96, -83.92),
    ];

    static UsCityCoordinates()
    {
        Index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Cities.Length; i++)
        {
            Index.TryAdd(Cities[i].Name, i);
        }
    }

    /// <summary>The table index of <paramref name="city"/>, or -1 when unknown.</summary>
    /// <remarks>When <paramref name="region"/> is given it must be the table's state code (so Birmingham, England is not Birmingham, AL).</remarks>
    public static int Find(string? city, string? region = null)
    {
        if (city is null || !Index.TryGetValue(city.Trim(), out var i))
        {
            return -1;
        }

        return string.IsNullOrWhiteSpace(region) || string.Equals(region.Trim(), Cities[i].State, StringComparison.OrdinalIgnoreCase) ? i : -1;
    }

    /// <summary>Great-circle distance in kilometres between two table entries (haversine, mean Earth radius 6371 km).</summary>
    public static double DistanceKm(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }

        const double toRad = Math.PI / 180;
        var (_, _, lat1, lon1) = Cities[a];
        var (_, _, lat2, lon2) = Cities[b];
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The state code of table entry <paramref name="i"/>.</summary>
    public static string State(int i) => Cities[i].State;

    /// <summary>Number of table entries.</summary>
    public static int Count => Cities.Length;
}
