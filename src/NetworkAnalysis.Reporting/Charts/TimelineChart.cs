using System.Globalization;
using NetworkAnalysis.Reporting.Model;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Postings over time, one row per city: when and where a network advertised (ScottPlot).</summary>
public sealed class TimelineChart : PlotChart
{
    private const string OtherRow = "(other)";
    private readonly IReadOnlyList<ReportAd> _ads;
    private readonly int _maxCities;

    /// <summary>Creates the chart; cities beyond the <paramref name="maxCities"/> busiest are grouped as "other".</summary>
    public TimelineChart(IReadOnlyList<ReportAd> ads, int maxCities = 12)
    {
        _ads = ads ?? throw new ArgumentNullException(nameof(ads));
        _maxCities = Math.Max(1, maxCities);
    }

    /// <inheritdoc/>
    public override int Width => 900;

    /// <inheritdoc/>
    public override int Height => 110 + (Math.Max(1, Rows().Count) * 26);

    /// <inheritdoc/>
    protected override string Name => "timeline";

    /// <inheritdoc/>
    protected override string Title => "Postings per city over time";

    /// <summary>The rows top to bottom: cities by first posting (the busiest <c>maxCities</c>), then "(other)" if any were grouped.</summary>
    public IReadOnlyList<string> Rows()
    {
        var cities = _ads.Where(a => a.PostedAt is not null).GroupBy(CityOf, StringComparer.Ordinal)
            .Select(g => (City: g.Key, Count: g.Count(), First: g.Min(a => a.PostedAt!.Value)))
            .ToList();
        var keep = Keep(cities.Select(c => (c.City, c.Count)));
        var rows = cities.Where(c => keep.Contains(c.City)).OrderBy(c => c.First).ThenBy(c => c.City, StringComparer.Ordinal).Select(c => c.City).ToList();
        if (cities.Count > rows.Count)
        {
            rows.Add(OtherRow);
        }

        return rows;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        var dated = _ads.Where(a => a.PostedAt is not null).ToList();
        var rows = Rows();
        var keep = rows.Where(r => r != OtherRow).ToHashSet(StringComparer.Ordinal);
        var plot = NewPlot(Title);
        plot.XLabel($"{dated.Count} dated ads" + (dated.Count < _ads.Count ? $" ({_ads.Count - dated.Count} undated)" : "") + " · day (UTC)", 11);
        if (dated.Count == 0)
        {
            var none = plot.Add.Text("No dated ads.", 0, 0);
            none.LabelFontSize = 12;
            plot.Axes.SetLimits(-1, 1, -1, 1);
            yield return (plot, new PixelRect(0, Width, Height, 0));
            yield break;
        }

        var first = DateOnly.FromDateTime(dated.Min(a => a.PostedAt!.Value).UtcDateTime);
        var last = DateOnly.FromDateTime(dated.Max(a => a.PostedAt!.Value).UtcDateTime);
        for (var r = 0; r < rows.Count; r++)
        {
            var y = rows.Count - 1 - r;
            var colour = Hex(ChartPalette.Series(r));
            var city = rows[r];
            var inRow = dated.Where(a => keep.Contains(CityOf(a)) ? CityOf(a) == city : city == OtherRow);
            foreach (var day in inRow.GroupBy(a => DateOnly.FromDateTime(a.PostedAt!.Value.UtcDateTime)).OrderBy(g => g.Key))
            {
                var marker = plot.Add.Marker(Day(day.Key), y, MarkerShape.FilledCircle, (float)Math.Min(20, 5 + (Math.Sqrt(day.Count()) * 3)), colour.WithAlpha(0.8));
                marker.LineWidth = 0;
            }
        }

        plot.Axes.Left.TickGenerator = Ticks(rows.Select((c, r) => ((double)(rows.Count - 1 - r), c + " (" + Count(dated, keep, c).ToString(CultureInfo.InvariantCulture) + ")")), 30);
        DateTicks(plot, first, last);
        var pad = Math.Max(1, (last.DayNumber - first.DayNumber) * 0.03);
        plot.Axes.SetLimits(Day(first) - pad, Day(last) + pad, -0.6, rows.Count - 0.4);
        yield return (plot, new PixelRect(0, Width, Height, 0));
    }

    private static int Count(List<ReportAd> dated, HashSet<string> keep, string city) =>
        dated.Count(a => keep.Contains(CityOf(a)) ? CityOf(a) == city : city == OtherRow);

    private HashSet<string> Keep(IEnumerable<(string City, int Count)> cities) =>
        cities.OrderByDescending(c => c.Count).ThenBy(c => c.City, StringComparer.Ordinal).Take(_maxCities).Select(c => c.City).ToHashSet(StringComparer.Ordinal);

    private static string CityOf(ReportAd ad) => string.IsNullOrWhiteSpace(ad.City) ? "(unknown)" : ad.City.Trim();
}
