using System.Globalization;
using NetworkAnalysis.Reporting.Model;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Posting activity by hour of the week (UTC): a 7 × 24 heat map of ad counts (ScottPlot).</summary>
/// <remarks>Times are taken in UTC, since ads from many cities mix time zones; a ring posting on a schedule shows as a band.</remarks>
public sealed class ActivityHeatmapChart : PlotChart
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private readonly IReadOnlyList<ReportAd> _ads;

    /// <summary>Creates the chart from ads (undated ads are counted in the subtitle only).</summary>
    public ActivityHeatmapChart(IReadOnlyList<ReportAd> ads) => _ads = ads ?? throw new ArgumentNullException(nameof(ads));

    /// <inheritdoc/>
    public override int Width => 900;

    /// <inheritdoc/>
    public override int Height => 360;

    /// <inheritdoc/>
    protected override string Name => "activity";

    /// <inheritdoc/>
    protected override string Title => "Posting activity by hour of week (UTC)";

    /// <summary>Ad counts by [day of week (Monday = 0), hour (UTC)].</summary>
    public int[,] Counts()
    {
        var counts = new int[7, 24];
        foreach (var ad in _ads)
        {
            if (ad.PostedAt is { } t)
            {
                var utc = t.UtcDateTime;
                counts[((int)utc.DayOfWeek + 6) % 7, utc.Hour]++;
            }
        }

        return counts;
    }

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        var counts = Counts();
        var dated = _ads.Count(a => a.PostedAt is not null);
        var plot = NewPlot(Title);
        plot.XLabel($"hour (UTC) · {dated} dated ads" + (dated < _ads.Count ? $", {_ads.Count - dated} undated" : "") + " · darker = fewer", 11);
        // Cells are vector rectangles (ScottPlot's Heatmap writes a bitmap that browsers blur when scaled), each with its count.
        var max = Math.Max(1, counts.Cast<int>().Max());
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (var d = 0; d < 7; d++)
        {
            for (var h = 0; h < 24; h++)
            {
                var y = 6 - d;
                var cell = plot.Add.Rectangle(h, h + 1, y, y + 1);
                cell.FillColor = counts[d, h] == 0 ? Hex("#f1f3f5") : colormap.GetColor(0.15 + (0.85 * counts[d, h] / max));
                cell.LineColor = Colors.White;
                cell.LineWidth = 1;
                if (counts[d, h] > 0)
                {
                    var label = plot.Add.Text(counts[d, h].ToString(CultureInfo.InvariantCulture), h + 0.5, y + 0.5);
                    label.LabelFontSize = 9;
                    label.LabelAlignment = Alignment.MiddleCenter;
                    label.LabelFontColor = counts[d, h] > max * 0.6 ? Colors.Black : Colors.White;
                }
            }
        }

        plot.HideGrid();
        plot.Axes.Bottom.TickGenerator = Ticks(Enumerable.Range(0, 8).Select(i => ((i * 3) + 0.5, (i * 3).ToString("00", CultureInfo.InvariantCulture))));
        plot.Axes.Left.TickGenerator = Ticks(DayNames.Select((n, i) => (7 - i - 0.5, n)));
        plot.Axes.SetLimits(0, 24, 0, 7);
        yield return (plot, new PixelRect(0, Width, Height, 0));
    }
}
