namespace NetworkAnalysis.Reporting.Geo;

/// <summary>An Albers-USA-like composite projection: the lower 48 states on an Albers equal-area conic, Alaska and Hawaii on their own conics as insets to the south-west.</summary>
/// <remarks>
/// Albers equal-area conic on the unit sphere (Snyder, <i>Map Projections: A Working Manual</i>, 1987, §14):
/// n = (sin φ1 + sin φ2)/2, C = cos² φ1 + 2n sin φ1, ρ = √(C − 2n sin φ)/n, θ = n(λ − λ0), x = ρ sin θ, y = ρ0 − ρ cos θ.
/// Lower 48: standard parallels 29.5° and 45.5°, origin 37.5°N 96°W. Alaska: 55° and 65°, drawn at 0.35 scale; Hawaii:
/// 8° and 18°. Output is in unit-sphere units with y pointing north. Longitude differences wrap to ±180°, so the Aleutians
/// west of the antimeridian stay with Alaska.
/// </remarks>
public static class AlbersUsa
{
    private static readonly Conic Lower48 = new(29.5, 45.5, 37.5, -96, 1, 0, 0);
    private static readonly Conic Alaska = new(55, 65, 62, -152, 0.35, -0.27, -0.2);
    private static readonly Conic Hawaii = new(8, 18, 20.5, -157, 1, -0.13, -0.215);

    /// <summary>Which inset a place falls in: by US state postal code (AK, HI), else the lower 48.</summary>
    public static (double X, double Y) Project(double lon, double lat, string? state)
    {
        var conic = state?.ToUpperInvariant() switch
        {
            "AK" => Alaska,
            "HI" => Hawaii,
            _ => Lower48,
        };
        return conic.Project(lon, lat);
    }

    /// <summary>The postal code of a us-atlas state feature whose inset differs from the lower 48 (FIPS 02 Alaska, 15 Hawaii), else null.</summary>
    public static string? InsetOf(string fips) => fips switch
    {
        "02" => "AK",
        "15" => "HI",
        _ => null,
    };

    private sealed class Conic
    {
        private readonly double _n;
        private readonly double _c;
        private readonly double _rho0;
        private readonly double _lambda0;
        private readonly double _scale;
        private readonly double _dx;
        private readonly double _dy;

        public Conic(double phi1, double phi2, double phi0, double lambda0, double scale, double offsetX, double offsetY)
        {
            var s1 = Math.Sin(Rad(phi1));
            _n = (s1 + Math.Sin(Rad(phi2))) / 2;
            _c = (Math.Cos(Rad(phi1)) * Math.Cos(Rad(phi1))) + (2 * _n * s1);
            _rho0 = Math.Sqrt(_c - (2 * _n * Math.Sin(Rad(phi0)))) / _n;
            _lambda0 = lambda0;
            _scale = scale;
            _dx = offsetX;
            _dy = offsetY;
        }

        public (double X, double Y) Project(double lon, double lat)
        {
            var dl = lon - _lambda0;
            dl -= 360 * Math.Floor((dl + 180) / 360);
            var rho = Math.Sqrt(Math.Max(0, _c - (2 * _n * Math.Sin(Rad(lat))))) / _n;
            var theta = _n * Rad(dl);
            var x = rho * Math.Sin(theta);
            var y = _rho0 - (rho * Math.Cos(theta));
            return ((x * _scale) + _dx, (y * _scale) + _dy);
        }

        private static double Rad(double degrees) => degrees * Math.PI / 180;
    }
}
