using System.Globalization;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Cluster size distribution on log-log axes: how many clusters have each size (ScottPlot).</summary>
public sealed class SizeDistributionChart : PlotChart
{
    private readonly IReadOnlyList<int> _sizes;

    /// <summary>Creates the chart from the size (ad count) of every cluster; sizes below 1 are ignored.</summary>
    public SizeDistributionChart(IEnumerable<int> clusterSizes) =>
        _sizes = (clusterSizes ?? throw new ArgumentNullException(nameof(clusterSizes))).Where(s => s >= 1).ToList();

    /// <inheritdoc/>
    public override int Width => 640;

    /// <inheritdoc/>
    public override int Height => 440;

    /// <inheritdoc/>
    protected override string Name => "sizes";

    /// <inheritdoc/>
    protected override string Title => "Cluster size distribution";

    /// <summary>(size, number of clusters of that size), by size.</summary>
    public IReadOnlyList<(int Size, int Count)> Points() =>
        _sizes.GroupBy(s => s).Select(g => (Size: g.Key, Count: g.Count())).OrderBy(p => p.Size).ToList();

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        var points = Points();
        var plot = NewPlot($"Cluster size distribution (log-log) · {_sizes.Count} clusters");
        plot.XLabel("cluster size (ads)", 12);
        plot.YLabel("clusters", 12);
        var maxSizeDecade = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(10, points.Count == 0 ? 10 : points[^1].Size + 1))));
        var maxCountDecade = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(10, points.Count == 0 ? 10 : points.Max(c => c.Count) + 1))));
        if (points.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(points.Select(p => Math.Log10(p.Size)).ToArray(), points.Select(p => Math.Log10(p.Count)).ToArray(), Hex(ChartPalette.Ad));
            dots.MarkerSize = 8;
        }

        plot.Axes.Bottom.TickGenerator = Ticks(Enumerable.Range(0, maxSizeDecade + 1).Select(d => ((double)d, Math.Pow(10, d).ToString("0", CultureInfo.InvariantCulture))));
        plot.Axes.Left.TickGenerator = Ticks(Enumerable.Range(0, maxCountDecade + 1).Select(d => ((double)d, Math.Pow(10, d).ToString("0", CultureInfo.InvariantCulture))));
        plot.Axes.SetLimits(-0.1, maxSizeDecade + 0.1, -0.1, maxCountDecade + 0.1);
        yield return (plot, new PixelRect(0, Width, Height, 0));
    }
}
