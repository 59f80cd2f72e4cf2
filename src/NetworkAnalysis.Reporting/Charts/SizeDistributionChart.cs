using System.Globalization;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Cluster size distribution on log-log axes: how many clusters have each size.</summary>
public sealed class SizeDistributionChart : ISvgChart
{
    private readonly IReadOnlyList<int> _sizes;

    /// <summary>Creates the chart from the size (ad count) of every cluster; sizes below 1 are ignored.</summary>
    public SizeDistributionChart(IEnumerable<int> clusterSizes) =>
        _sizes = (clusterSizes ?? throw new ArgumentNullException(nameof(clusterSizes))).Where(s => s >= 1).ToList();

    /// <inheritdoc/>
    public string ToSvg()
    {
        const double width = 640, height = 440, left = 70, right = 30, top = 44, bottom = 56;
        var svg = new SvgDocument(width, height, "Cluster size distribution");
        svg.Text(10, 20, "Cluster size distribution (log-log)", 14, extra: "font-weight=\"bold\"");
        svg.Text(width - 10, 20, $"{_sizes.Count} clusters", 11, "end", "#555555");
        var counts = _sizes.GroupBy(s => s).Select(g => (Size: g.Key, Count: g.Count())).OrderBy(p => p.Size).ToList();
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var maxSizeDecade = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(10, counts.Count == 0 ? 10 : counts[^1].Size + 1))));
        var maxCountDecade = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(10, counts.Count == 0 ? 10 : counts.Max(c => c.Count) + 1))));
        double X(double size) => left + (plotW * Math.Log10(size) / maxSizeDecade);
        double Y(double count) => top + plotH - (plotH * Math.Log10(count) / maxCountDecade);

        svg.Line(left, top + plotH, left + plotW, top + plotH, "#444444");
        svg.Line(left, top, left, top + plotH, "#444444");
        for (var d = 0; d <= maxSizeDecade; d++)
        {
            var v = Math.Pow(10, d);
            svg.Line(X(v), top, X(v), top + plotH, "#eeeeee");
            svg.Text(X(v), top + plotH + 15, v.ToString("0", CultureInfo.InvariantCulture), 10, "middle");
        }

        for (var d = 0; d <= maxCountDecade; d++)
        {
            var v = Math.Pow(10, d);
            svg.Line(left, Y(v), left + plotW, Y(v), "#eeeeee");
            svg.Text(left - 6, Y(v) + 4, v.ToString("0", CultureInfo.InvariantCulture), 10, "end");
        }

        svg.Text(left + (plotW / 2), height - 14, "cluster size (ads)", 11, "middle");
        svg.Text(16, top + (plotH / 2), "clusters", 11, "middle", extra: $"transform=\"rotate(-90 16 {Text.Num.F(top + (plotH / 2))})\"");
        foreach (var (size, count) in counts)
        {
            svg.BeginGroup($"{count} clusters of size {size}");
            svg.Circle(X(size), Y(count), 4, ChartPalette.Ad, "opacity=\"0.8\"");
            svg.EndGroup();
        }

        return svg.ToString();
    }
}
