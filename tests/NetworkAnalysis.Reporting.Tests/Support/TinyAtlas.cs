using NetworkAnalysis.Reporting.Geo;

namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>A two-state, one-country atlas with a handful of cities: map tests that must not depend on node_modules.</summary>
internal static class TinyAtlas
{
    public static GeoAtlas Create()
    {
        IReadOnlyList<(double, double)> Box(double w, double s, double e, double n) => [(w, s), (e, s), (e, n), (w, n), (w, s)];
        var nevada = new GeoShape("32", "Nevada", [Box(-120, 35, -114, 42)]);
        var arizona = new GeoShape("04", "Arizona", [Box(-114.8, 31.3, -109, 37)]);
        var britain = new GeoShape("826", "United Kingdom", [Box(-6, 50, 2, 58)]);
        var gazetteer = Gazetteer.Of(
        [
            new GeoCity(1, "Las Vegas", "US", "NV", 623747, -115.13722, 36.17497),
            new GeoCity(2, "Las Vegas", "US", "NM", 13386, -105.2239, 35.59393),
            new GeoCity(3, "Phoenix", "US", "AZ", 1600000, -112.07404, 33.44838),
            new GeoCity(4, "London", "GB", "ENG", 7556900, -0.12574, 51.50853),
            new GeoCity(5, "Reno", "US", "NV", 241445, -119.8138, 39.52963),
        ]);
        return new GeoAtlas([nevada, arizona], [britain], gazetteer);
    }
}
