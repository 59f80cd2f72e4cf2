using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Movement between cities in time order: consecutive postings in one city form a stop; arrows join the stops.</summary>
public sealed class MovementChart : ISvgChart
{
    private readonly IReadOnlyList<ReportAd> _ads;

    /// <summary>Creates the chart from a cluster's ads (undated or city-less ads are left out).</summary>
    public MovementChart(IReadOnlyList<ReportAd> ads) => _ads = ads ?? throw new ArgumentNullException(nameof(ads));

    /// <summary>The stops in time order (ties broken by ad key, so the order is deterministic).</summary>
    public static IReadOnlyList<MovementStop> Stops(IEnumerable<ReportAd> ads)
    {
        var stops = new List<MovementStop>();
        foreach (var ad in ads.Where(a => a.PostedAt is not null && !string.IsNullOrWhiteSpace(a.City))
                     .OrderBy(a => a.PostedAt).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            var city = ad.City!.Trim();
            if (stops.Count > 0 && stops[^1].City == city)
            {
                stops[^1] = stops[^1] with { To = ad.PostedAt!.Value, AdCount = stops[^1].AdCount + 1 };
            }
            else
            {
                stops.Add(new MovementStop(city, ad.PostedAt!.Value, ad.PostedAt!.Value, 1));
            }
        }

        return stops;
    }

    /// <summary>At most this many stops are drawn (evenly sampled, first and last kept), so a 100,000-ad cluster still gives an SVG a browser draws at once.</summary>
    public const int MaxStops = 1500;

    /// <inheritdoc/>
    public string ToSvg()
    {
        var all = Stops(_ads);
        var step = Math.Max(1, (all.Count + MaxStops - 1) / MaxStops);
        var stops = all.Where((_, i) => i % step == 0 || i == all.Count - 1).ToList();
        var cities = stops.Select(s => s.City).Distinct(StringComparer.Ordinal).ToList();
        var row = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        const double left = 150, right = 40, top = 44, rowH = 30;
        var width = 900.0;
        var height = top + (Math.Max(1, cities.Count) * rowH) + 44;
        var svg = new SvgDocument(width, height, "Movement between cities");
        svg.Text(10, 20, "Movement between cities", 14, extra: "font-weight=\"bold\"");
        var moves = Math.Max(0, stops.Count - 1);
        svg.Text(width - 10, 20, $"{cities.Count} cities · {moves} moves", 11, "end", "#555555");
        if (stops.Count == 0)
        {
            svg.Text(left, top + 16, "No dated ads with a city.", 12, fill: "#888888");
            return svg.ToString();
        }

        var first = DateOnly.FromDateTime(stops[0].From.UtcDateTime);
        var last = DateOnly.FromDateTime(stops[^1].To.UtcDateTime);
        var plotW = width - left - right;
        for (var r = 0; r < cities.Count; r++)
        {
            var ry = top + (r * rowH);
            svg.Line(left, ry + (rowH / 2), left + plotW, ry + (rowH / 2), "#e9ecef");
            svg.Text(left - 8, ry + (rowH / 2) + 4, ChartParts.Short(cities[r], 22), 11, "end");
        }

        double? prevX = null, prevY = null;
        for (var k = 0; k < stops.Count; k++)
        {
            var s = stops[k];
            var ry = top + (row[s.City] * rowH) + (rowH / 2);
            var x0 = ChartParts.DayX(DateOnly.FromDateTime(s.From.UtcDateTime), first, last, left, plotW);
            var x1 = ChartParts.DayX(DateOnly.FromDateTime(s.To.UtcDateTime), first, last, left, plotW);
            if (prevX is { } px && prevY is { } py)
            {
                svg.Path($"M{Text.Num.F(px)} {Text.Num.F(py)} L{Text.Num.F(x0)} {Text.Num.F(ry)}", "#868e96", 1.2);
                AppendArrowHead(svg, px, py, x0, ry);
            }

            svg.BeginGroup($"stop {k + 1}: {s.City}, {s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}, {s.AdCount} ads");
            svg.Line(x0, ry, Math.Max(x1, x0 + 0.01), ry, ChartPalette.Series(k), 6, "stroke-linecap=\"round\"");
            svg.Text(x0, ry - 8, (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 9, "middle", "#333333");
            svg.EndGroup();
            prevX = x1;
            prevY = ry;
        }

        ChartParts.BottomAxis(svg, left, top + (cities.Count * rowH) + 6, plotW, ChartParts.DateTicks(first, last, left, plotW));
        return svg.ToString();
    }

    private static void AppendArrowHead(SvgDocument svg, double x0, double y0, double x1, double y1)
    {
        var dx = x1 - x0;
        var dy = y1 - y0;
        var len = Math.Sqrt((dx * dx) + (dy * dy));
        if (len < 1e-6)
        {
            return;
        }

        var ux = dx / len;
        var uy = dy / len;
        var bx = x1 - (ux * 7);
        var by = y1 - (uy * 7);
        var d = $"M{Text.Num.F(x1)} {Text.Num.F(y1)} L{Text.Num.F(bx - (uy * 3.5))} {Text.Num.F(by + (ux * 3.5))} L{Text.Num.F(bx + (uy * 3.5))} {Text.Num.F(by - (ux * 3.5))} Z";
        svg.Path(d, "none", 0, "#868e96");
    }
}
