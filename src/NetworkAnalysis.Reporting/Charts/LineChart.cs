using System.Globalization;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>One or more series of (x, y) points on linear axes, for parameter sweeps (score against a threshold).</summary>
/// <remarks>The y axis spans [0, 1] unless a value falls outside it, since sweeps plot scores in [0,1].</remarks>
public sealed class LineChart : ISvgChart
{
    private readonly string _title;
    private readonly string _xLabel;
    private readonly IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> _series;

    /// <summary>Creates the chart.</summary>
    /// <param name="title">Chart title (escaped).</param>
    /// <param name="xLabel">Label of the x axis (escaped).</param>
    /// <param name="series">Named series; points are drawn in x order.</param>
    public LineChart(string title, string xLabel, IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        _title = title ?? "";
        _xLabel = xLabel ?? "";
        _series = (series ?? throw new ArgumentNullException(nameof(series)))
            .Select(s => (s.Name, (IReadOnlyList<(double, double)>)s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToList()))
            .ToList();
    }

    /// <inheritdoc/>
    public string ToSvg()
    {
        const double width = 640, height = 400, left = 60, right = 150, top = 40, bottom = 50;
        var svg = new SvgDocument(width, height, _title);
        svg.Text(10, 20, _title, 14, extra: "font-weight=\"bold\"");
        var all = _series.SelectMany(s => s.Points).ToList();
        var minX = all.Count == 0 ? 0 : all.Min(p => p.X);
        var maxX = all.Count == 0 ? 1 : all.Max(p => p.X);
        if (maxX <= minX)
        {
            maxX = minX + 1;
        }

        var minY = Math.Min(0, all.Count == 0 ? 0 : all.Min(p => p.Y));
        var maxY = Math.Max(1, all.Count == 0 ? 1 : all.Max(p => p.Y));
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(double x) => left + (plotW * (x - minX) / (maxX - minX));
        double Y(double y) => top + plotH - (plotH * (y - minY) / (maxY - minY));
        svg.Line(left, top + plotH, left + plotW, top + plotH, "#444444");
        svg.Line(left, top, left, top + plotH, "#444444");
        for (var i = 0; i <= 5; i++)
        {
            var yv = minY + ((maxY - minY) * i / 5);
            svg.Line(left, Y(yv), left + plotW, Y(yv), "#eeeeee");
            svg.Text(left - 6, Y(yv) + 4, yv.ToString("0.0#", CultureInfo.InvariantCulture), 10, "end");
            var xv = minX + ((maxX - minX) * i / 5);
            svg.Text(X(xv), top + plotH + 15, xv.ToString("0.##", CultureInfo.InvariantCulture), 10, "middle");
        }

        svg.Text(left + (plotW / 2), height - 12, _xLabel, 11, "middle");
        for (var s = 0; s < _series.Count; s++)
        {
            var (name, points) = _series[s];
            var colour = ChartPalette.Series(s);
            if (points.Count > 0)
            {
                var d = string.Join(' ', points.Select((p, i) => (i == 0 ? "M" : "L") + X(p.X).ToString("0.##", CultureInfo.InvariantCulture) + "," + Y(p.Y).ToString("0.##", CultureInfo.InvariantCulture)));
                svg.Path(d, colour, 2);
                foreach (var p in points)
                {
                    svg.BeginGroup($"{name}: {p.Y.ToString("0.####", CultureInfo.InvariantCulture)} at {p.X.ToString("0.##", CultureInfo.InvariantCulture)}");
                    svg.Circle(X(p.X), Y(p.Y), 3, colour);
                    svg.EndGroup();
                }
            }

            svg.Rect(width - right + 12, top + (s * 18), 12, 4, colour);
            svg.Text(width - right + 30, top + (s * 18) + 6, name, 11);
        }

        return svg.ToString();
    }
}
