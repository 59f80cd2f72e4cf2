using System.Globalization;
using NetworkAnalysis.Reporting.Model;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>One-page overview of a corpus: key counts, ads per week, identifiers by type, busiest cities, largest clusters (ScottPlot).</summary>
public sealed class CorpusOverviewChart : PlotChart
{
    private readonly CaseGraph _graph;

    /// <summary>Creates the overview of a whole case graph (ads carry their cluster IDs).</summary>
    public CorpusOverviewChart(CaseGraph graph) => _graph = graph ?? throw new ArgumentNullException(nameof(graph));

    /// <inheritdoc/>
    public override int Width => 960;

    /// <inheritdoc/>
    public override int Height => 700;

    /// <inheritdoc/>
    protected override string Name => "overview";

    /// <inheritdoc/>
    protected override string Title => "Corpus overview";

    /// <summary>The key figures shown across the top, as (label, value).</summary>
    public IReadOnlyList<(string Label, string Value)> KeyFigures()
    {
        var clusterSizes = ClusterSizeList();
        return
        [
            ("ads", _graph.Ads.Count.ToString("N0", CultureInfo.InvariantCulture)),
            ("identifiers", _graph.Entities.Count.ToString("N0", CultureInfo.InvariantCulture)),
            ("hubs", _graph.Entities.Count(e => e.IsHub).ToString("N0", CultureInfo.InvariantCulture)),
            ("clusters (≥2 ads)", clusterSizes.Count(s => s >= 2).ToString("N0", CultureInfo.InvariantCulture)),
            ("largest cluster", (clusterSizes.Count == 0 ? 0 : clusterSizes.Max()).ToString("N0", CultureInfo.InvariantCulture)),
            ("cities", _graph.Ads.Select(a => a.City).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).Count().ToString("N0", CultureInfo.InvariantCulture)),
        ];
    }

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        yield return (Figures(), new PixelRect(0, Width, 110, 0));
        const int top = 110, half = 480, rowH = 295;
        yield return (AdsPerWeek(), new PixelRect(0, half, top + rowH, top));
        yield return (Bars("Identifiers by type",
            _graph.Entities.GroupBy(e => e.Type, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), ChartPalette.ForEntityType(g.Key)))), new PixelRect(half, Width, top + rowH, top));
        yield return (Bars("Busiest cities (ads)",
            _graph.Ads.Where(a => !string.IsNullOrWhiteSpace(a.City)).GroupBy(a => a.City!.Trim(), StringComparer.Ordinal).Select(g => (g.Key, g.Count(), ChartPalette.Series(1)))),
            new PixelRect(0, half, Height, top + rowH));
        yield return (Bars("Largest clusters (ads)",
            _graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal).Select(g => (g.Key, g.Count(), ChartPalette.Series(3)))),
            new PixelRect(half, Width, Height, top + rowH));
    }

    private Plot Figures()
    {
        var plot = NewPlot("Corpus overview");
        plot.Axes.Frameless();
        plot.HideGrid();
        var figures = KeyFigures();
        for (var i = 0; i < figures.Count; i++)
        {
            var value = plot.Add.Text(figures[i].Value, i + 0.5, 0.6);
            value.LabelFontSize = 22;
            value.LabelBold = true;
            value.LabelFontColor = Hex("#1c3d8c");
            value.LabelAlignment = Alignment.MiddleCenter;
            var label = plot.Add.Text(figures[i].Label, i + 0.5, 0.15);
            label.LabelFontSize = 11;
            label.LabelFontColor = Hex("#555555");
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        plot.Axes.SetLimits(0, figures.Count, 0, 1);
        return plot;
    }

    private Plot AdsPerWeek()
    {
        var plot = NewPlot("Ads per week");
        var days = _graph.Ads.Where(a => a.PostedAt is not null).Select(a => DateOnly.FromDateTime(a.PostedAt!.Value.UtcDateTime)).ToList();
        if (days.Count == 0)
        {
            plot.Add.Text("No dated ads.", 0, 0).LabelFontSize = 11;
            plot.Axes.SetLimits(-1, 1, -1, 1);
            return plot;
        }

        var first = days.Min();
        var last = days.Max();
        var weeks = ((last.DayNumber - first.DayNumber) / 7) + 1;
        var counts = new int[weeks];
        foreach (var d in days)
        {
            counts[(d.DayNumber - first.DayNumber) / 7]++;
        }

        plot.Add.Bars(counts.Select((c, k) => new Bar
        {
            Position = Day(first.AddDays(k * 7)) + 3.5,
            Value = c,
            Size = 6.3,
            FillColor = Hex(ChartPalette.Ad),
            LineWidth = 0,
        }).ToArray());
        DateTicks(plot, first, last.AddDays(6), 3);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static Plot Bars(string title, IEnumerable<(string Label, int Value, string Colour)> items)
    {
        var plot = NewPlot(title);
        var top = items.OrderByDescending(i => i.Value).ThenBy(i => i.Label, StringComparer.Ordinal).Take(10).ToList();
        if (top.Count == 0)
        {
            plot.Add.Text("(none)", 0, 0).LabelFontSize = 11;
            plot.Axes.SetLimits(-1, 1, -1, 1);
            return plot;
        }

        var bars = plot.Add.Bars(top.Select((item, k) => new Bar
        {
            Position = top.Count - 1 - k,
            Value = item.Value,
            Size = 0.7,
            FillColor = Color.FromHex(item.Colour),
            LineWidth = 0,
            Label = item.Value.ToString(CultureInfo.InvariantCulture),
        }).ToArray());
        bars.Horizontal = true;
        bars.ValueLabelStyle.FontSize = 10;
        plot.Axes.Left.TickGenerator = Ticks(top.Select((item, k) => ((double)(top.Count - 1 - k), item.Label)), 24);
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.HideGrid();
        return plot;
    }

    private List<int> ClusterSizeList() =>
        _graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal).Select(g => g.Count()).ToList();
}
