using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Drawing pieces shared by the charts.</summary>
internal static class ChartParts
{
    /// <summary>Horizontal bars with labels on the left and values on the right, inside the given box.</summary>
    public static void HorizontalBars(SvgDocument svg, double x, double y, double w, double h, IReadOnlyList<(string Label, double Value, string Colour)> items, string format = "0.##")
    {
        if (items.Count == 0)
        {
            svg.Text(x, y + 14, "(none)", 11, fill: "#888888");
            return;
        }

        var labelWidth = Math.Min(w * 0.4, 12 + (items.Max(i => Math.Min(i.Label.Length, 28)) * 6.2));
        var valueWidth = 48.0;
        var barArea = Math.Max(10, w - labelWidth - valueWidth);
        var rowH = Math.Min(24, h / items.Count);
        var max = Math.Max(items.Max(i => Math.Abs(i.Value)), 1e-9);
        for (var k = 0; k < items.Count; k++)
        {
            var (label, value, colour) = items[k];
            var ry = y + (k * rowH);
            var shown = label.Length > 28 ? label[..27] + "…" : label;
            svg.BeginGroup(label + ": " + value.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
            svg.Text(x + labelWidth - 6, ry + (rowH * 0.65), shown, Math.Min(11, rowH * 0.6), "end");
            svg.Rect(x + labelWidth, ry + (rowH * 0.15), barArea * Math.Abs(value) / max, rowH * 0.7, colour);
            svg.Text(x + labelWidth + (barArea * Math.Abs(value) / max) + 4, ry + (rowH * 0.65),
                value.ToString(format, System.Globalization.CultureInfo.InvariantCulture), Math.Min(10, rowH * 0.55), fill: "#555555");
            svg.EndGroup();
        }
    }

    /// <summary>Axis line with tick labels along the bottom of a plot area.</summary>
    public static void BottomAxis(SvgDocument svg, double x, double y, double w, IReadOnlyList<(double Pos, string Label)> ticks)
    {
        svg.Line(x, y, x + w, y, "#444444");
        foreach (var (pos, label) in ticks)
        {
            svg.Line(pos, y, pos, y + 4, "#444444");
            svg.Text(pos, y + 15, label, 9, "middle", "#444444");
        }
    }

    /// <summary>Up to <paramref name="max"/> evenly spaced date ticks between two days.</summary>
    public static List<(double Pos, string Label)> DateTicks(DateOnly first, DateOnly last, double x, double w, int max = 6)
    {
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var step = Math.Max(1, (int)Math.Ceiling(span / (double)max));
        var ticks = new List<(double, string)>();
        for (var d = 0; d <= span; d += step)
        {
            ticks.Add((x + (w * d / span), first.AddDays(d).ToString("yyyy-MM-dd")));
        }

        return ticks;
    }

    /// <summary>Pixel x of a day on a time axis.</summary>
    public static double DayX(DateOnly day, DateOnly first, DateOnly last, double x, double w)
    {
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        return x + (w * (day.DayNumber - first.DayNumber) / span);
    }

    /// <summary>Shortens a label for display.</summary>
    public static string Short(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;

    /// <summary>Formats a number for an axis.</summary>
    public static string Tick(double v) => Num.F(v);
}
