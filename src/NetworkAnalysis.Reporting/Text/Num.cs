using System.Globalization;

namespace NetworkAnalysis.Reporting.Text;

/// <summary>Culture-invariant, compact number formatting for SVG coordinates and exports.</summary>
internal static class Num
{
    /// <summary>Formats with at most two decimals (SVG coordinates, pixels).</summary>
    public static string F(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>Formats with round-trip precision (exports).</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    public static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
