using System.Globalization;
using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>One-page overview of a corpus: key counts, ads per week, identifiers by type, busiest cities.</summary>
public sealed class CorpusOverviewChart : ISvgChart
{
    private readonly CaseGraph _graph;

    /// <summary>Creates the overview of a whole case graph (ads carry their cluster IDs).</summary>
    public CorpusOverviewChart(CaseGraph graph) => _graph = graph ?? throw new ArgumentNullException(nameof(graph));

    /// <inheritdoc/>
    public string ToSvg()
    {
        const double width = 960, height = 640;
        var svg = new SvgDocument(width, height, "Corpus overview");
        svg.Text(10, 22, "Corpus overview", 16, extra: "font-weight=\"bold\"");
        KeyFigures(svg, 10, 40);
        AdsPerWeek(svg, 10, 130, 460, 220);
        EntitiesByType(svg, 490, 130, 460, 220);
        TopCities(svg, 10, 390, 460, 240);
        ClusterSizes(svg, 490, 390, 460, 240);
        return svg.ToString();
    }

    private void KeyFigures(SvgDocument svg, double x, double y)
    {
        var clusterSizes = ClusterSizeList();
        var figures = new (string Label, string Value)[]
        {
            ("ads", _graph.Ads.Count.ToString("N0", CultureInfo.InvariantCulture)),
            ("identifiers", _graph.Entities.Count.ToString("N0", CultureInfo.InvariantCulture)),
            ("hubs", _graph.Entities.Count(e => e.IsHub).ToString("N0", CultureInfo.InvariantCulture)),
            ("clusters (≥2 ads)", clusterSizes.Count(s => s >= 2).ToString("N0", CultureInfo.InvariantCulture)),
            ("largest cluster", (clusterSizes.Count == 0 ? 0 : clusterSizes.Max()).ToString("N0", CultureInfo.InvariantCulture)),
            ("cities", _graph.Ads.Select(a => a.City).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).Count().ToString("N0", CultureInfo.InvariantCulture)),
        };
        var w = 940.0 / figures.Length;
        for (var i = 0; i < figures.Length; i++)
        {
            svg.Rect(x + (i * w) + 4, y, w - 8, 70, "#f1f3f5", "rx=\"6\"");
            svg.Text(x + (i * w) + (w / 2), y + 36, figures[i].Value, 22, "middle", "#1c3d8c", "font-weight=\"bold\"");
            svg.Text(x + (i * w) + (w / 2), y + 58, figures[i].Label, 11, "middle", "#555555");
        }
    }

    private void AdsPerWeek(SvgDocument svg, double x, double y, double w, double h)
    {
        svg.Text(x, y - 8, "Ads per week", 12, extra: "font-weight=\"bold\"");
        var days = _graph.Ads.Where(a => a.PostedAt is not null).Select(a => DateOnly.FromDateTime(a.PostedAt!.Value.UtcDateTime)).ToList();
        if (days.Count == 0)
        {
            svg.Text(x, y + 16, "No dated ads.", 11, fill: "#888888");
            return;
        }

        var first = days.Min();
        var last = days.Max();
        var weeks = ((last.DayNumber - first.DayNumber) / 7) + 1;
        var counts = new int[weeks];
        foreach (var d in days)
        {
            counts[(d.DayNumber - first.DayNumber) / 7]++;
        }

        var max = Math.Max(1, counts.Max());
        var bw = w / weeks;
        var plotH = h - 24;
        for (var k = 0; k < weeks; k++)
        {
            var bh = plotH * counts[k] / max;
            svg.BeginGroup($"week of {first.AddDays(k * 7):yyyy-MM-dd}: {counts[k]} ads");
            svg.Rect(x + (k * bw) + 0.5, y + plotH - bh, Math.Max(0.5, bw - 1), bh, ChartPalette.Ad);
            svg.EndGroup();
        }

        svg.Text(x, y + 8, max.ToString(CultureInfo.InvariantCulture), 9, fill: "#555555");
        ChartParts.BottomAxis(svg, x, y + plotH, w, ChartParts.DateTicks(first, last, x, w, 4));
    }

    private void EntitiesByType(SvgDocument svg, double x, double y, double w, double h)
    {
        svg.Text(x, y - 8, "Identifiers by type", 12, extra: "font-weight=\"bold\"");
        var items = _graph.Entities.GroupBy(e => e.Type, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Value: (double)g.Count(), Colour: ChartPalette.ForEntityType(g.Key)))
            .OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).Take(10).ToList();
        ChartParts.HorizontalBars(svg, x, y, w, h, items, "0");
    }

    private void TopCities(SvgDocument svg, double x, double y, double w, double h)
    {
        svg.Text(x, y - 8, "Busiest cities (ads)", 12, extra: "font-weight=\"bold\"");
        var items = _graph.Ads.Where(a => !string.IsNullOrWhiteSpace(a.City)).GroupBy(a => a.City!.Trim(), StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Value: (double)g.Count(), Colour: ChartPalette.Series(1)))
            .OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).Take(10).ToList();
        ChartParts.HorizontalBars(svg, x, y, w, h, items, "0");
    }

    private void ClusterSizes(SvgDocument svg, double x, double y, double w, double h)
    {
        svg.Text(x, y - 8, "Largest clusters (ads)", 12, extra: "font-weight=\"bold\"");
        var items = _graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Value: (double)g.Count(), Colour: ChartPalette.Series(3)))
            .OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).Take(10).ToList();
        ChartParts.HorizontalBars(svg, x, y, w, h, items, "0");
    }

    private List<int> ClusterSizeList() =>
        _graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal).Select(g => g.Count()).ToList();
}
