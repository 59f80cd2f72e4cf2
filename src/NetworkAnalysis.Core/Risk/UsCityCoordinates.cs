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
    private static readonly (string Name, double Lat, double Lon)[] Cities =
    [
        ("New York", 40.71, -74.01), ("Los Angeles", 34.05, -118.24), ("Chicago", 41.88, -87.63),
        ("Houston", 29.76, -95.37), ("Phoenix", 33.45, -112.07), ("Philadelphia", 39.95, -75.17),
        ("San Antonio", 29.42, -98.49), ("San Diego", 32.72, -117.16), ("Dallas", 32.78, -96.80),
        ("San Jose", 37.34, -121.89), ("Austin", 30.27, -97.74), ("Jacksonville", 30.33, -81.66),
        ("Fort Worth", 32.76, -97.33), ("Columbus", 39.96, -83.00), ("Charlotte", 35.23, -80.84),
        ("San Francisco", 37.77, -122.42), ("Indianapolis", 39.77, -86.16), ("Seattle", 47.61, -122.33),
        ("Denver", 39.74, -104.99), ("Washington", 38.91, -77.04), ("Boston", 42.36, -71.06),
        ("El Paso", 31.76, -106.49), ("Nashville", 36.16, -86.78), ("Detroit", 42.33, -83.05),
        ("Oklahoma City", 35.47, -97.52), ("Portland", 45.52, -122.68), ("Las Vegas", 36.17, -115.14),
        ("Memphis", 35.15, -90.05), ("Louisville", 38.25, -85.76), ("Baltimore", 39.29, -76.61),
        ("Milwaukee", 43.04, -87.91), ("Albuquerque", 35.08, -106.65), ("Tucson", 32.22, -110.97),
        ("Fresno", 36.74, -119.79), ("Sacramento", 38.58, -121.49), ("Kansas City", 39.10, -94.58),
        ("Atlanta", 33.75, -84.39), ("Miami", 25.76, -80.19), ("Raleigh", 35.78, -78.64),
        ("Omaha", 41.26, -95.93), ("Minneapolis", 44.98, -93.27), ("Tulsa", 36.15, -95.99),
        ("Cleveland", 41.50, -81.69), ("Wichita", 37.69, -97.34), ("New Orleans", 29.95, -90.07),
        ("Tampa", 27.95, -82.46), ("Orlando", 28.54, -81.38), ("Pittsburgh", 40.44, -80.00),
        ("Cincinnati", 39.10, -84.51), ("St. Louis", 38.63, -90.20), ("Saint Louis", 38.63, -90.20),
        ("Salt Lake City", 40.76, -111.89), ("Honolulu", 21.31, -157.86), ("Anchorage", 61.22, -149.90),
        ("Buffalo", 42.89, -78.88), ("Newark", 40.74, -74.17), ("Richmond", 37.54, -77.44),
        ("Birmingham", 33.52, -86.80), ("Boise", 43.62, -116.20), ("Reno", 39.53, -119.81),
        ("Spokane", 47.66, -117.43), ("Des Moines", 41.59, -93.62), ("Little Rock", 34.75, -92.29),
        ("Jackson", 32.30, -90.18), ("Charleston", 32.78, -79.93), ("Savannah", 32.08, -81.09),
        ("Hartford", 41.76, -72.67), ("Providence", 41.82, -71.41), ("Baton Rouge", 30.45, -91.19),
        ("Corpus Christi", 27.80, -97.40), ("Laredo", 27.53, -99.49), ("Bakersfield", 35.37, -119.02),
        ("Long Beach", 33.77, -118.19), ("Oakland", 37.80, -122.27), ("Mesa", 33.42, -111.83),
        ("Virginia Beach", 36.85, -75.98), ("Colorado Springs", 38.83, -104.82), ("Arlington", 32.74, -97.11),
        ("Atlantic City", 39.36, -74.42), ("Myrtle Beach", 33.69, -78.89), ("Knoxville", 35.96, -83.92),
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
    public static int Find(string? city) =>
        city is not null && Index.TryGetValue(city.Trim(), out var i) ? i : -1;

    /// <summary>Great-circle distance in kilometres between two table entries (haversine, mean Earth radius 6371 km).</summary>
    public static double DistanceKm(int a, int b)
    {
        if (a == b)
        {
            return 0;
        }

        const double toRad = Math.PI / 180;
        var (_, lat1, lon1) = Cities[a];
        var (_, lat2, lon2) = Cities[b];
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Number of table entries.</summary>
    public static int Count => Cities.Length;
}
