using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Postings over time, one row per city: when and where a network advertised.</summary>
public sealed class TimelineChart : ISvgChart
{
    private readonly IReadOnlyList<ReportAd> _ads;
    private readonly int _maxCities;

    /// <summary>Creates the chart; cities beyond the <paramref name="maxCities"/> busiest are grouped as "other".</summary>
    public TimelineChart(IReadOnlyList<ReportAd> ads, int maxCities = 12)
    {
        _ads = ads ?? throw new ArgumentNullException(nameof(ads));
        _maxCities = Math.Max(1, maxCities);
    }

    /// <inheritdoc/>
    public string ToSvg()
    {
        var dated = _ads.Where(a => a.PostedAt is not null).ToList();
        var cities = dated.GroupBy(a => CityOf(a), StringComparer.Ordinal)
            .Select(g => (City: g.Key, Count: g.Count(), First: g.Min(a => a.PostedAt!.Value)))
            .OrderBy(c => c.First).ThenBy(c => c.City, StringComparer.Ordinal)
            .ToList();
        var keep = cities.OrderByDescending(c => c.Count).ThenBy(c => c.City, StringComparer.Ordinal).Take(_maxCities)
            .Select(c => c.City).ToHashSet(StringComparer.Ordinal);
        var rows = cities.Where(c => keep.Contains(c.City)).Select(c => c.City).ToList();
        if (cities.Count > rows.Count)
        {
            rows.Add("(other)");
        }

        const double left = 150, right = 60, top = 40, rowH = 26;
        var width = 900.0;
        var height = top + (Math.Max(1, rows.Count) * rowH) + 40;
        var svg = new SvgDocument(width, height, "Postings per city over time");
        svg.Text(10, 20, "Postings per city over time", 14, extra: "font-weight=\"bold\"");
        svg.Text(width - 10, 20, $"{dated.Count} dated ads" + (dated.Count < _ads.Count ? $" ({_ads.Count - dated.Count} undated)" : ""), 11, "end", "#555555");
        if (dated.Count == 0)
        {
            svg.Text(left, top + 16, "No dated ads.", 12, fill: "#888888");
            return svg.ToString();
        }

        var first = DateOnly.FromDateTime(dated.Min(a => a.PostedAt!.Value).UtcDateTime);
        var last = DateOnly.FromDateTime(dated.Max(a => a.PostedAt!.Value).UtcDateTime);
        var plotW = width - left - right;
        for (var r = 0; r < rows.Count; r++)
        {
            var ry = top + (r * rowH);
            if (r % 2 == 0)
            {
                svg.Rect(left, ry, plotW, rowH, "#f4f5f7");
            }

            var city = rows[r];
            var inRow = dated.Where(a => keep.Contains(CityOf(a)) ? CityOf(a) == city : city == "(other)").ToList();
            svg.Text(left - 8, ry + 17, ChartParts.Short(city, 22), 11, "end");
            svg.Text(left + plotW + 6, ry + 17, inRow.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), 10, fill: "#555555");
            var colour = ChartPalette.Series(r);
            foreach (var byDay in inRow.GroupBy(a => DateOnly.FromDateTime(a.PostedAt!.Value.UtcDateTime)).OrderBy(g => g.Key))
            {
                var x = ChartParts.DayX(byDay.Key, first, last, left, plotW);
                svg.BeginGroup($"{city} {byDay.Key:yyyy-MM-dd}: {byDay.Count()} ads");
                svg.Circle(x, ry + (rowH / 2), Math.Min(10, 2.5 + Math.Sqrt(byDay.Count()) * 1.5), colour, "opacity=\"0.8\"");
                svg.EndGroup();
            }
        }

        ChartParts.BottomAxis(svg, left, top + (rows.Count * rowH) + 4, plotW, ChartParts.DateTicks(first, last, left, plotW));
        return svg.ToString();
    }

    private static string CityOf(ReportAd ad) => string.IsNullOrWhiteSpace(ad.City) ? "(unknown)" : ad.City.Trim();
}
