using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>How much each risk indicator contributed to a cluster's score, largest first.</summary>
public sealed class RiskContributionChart : ISvgChart
{
    private readonly IReadOnlyList<RiskIndicatorItem> _items;
    private readonly double? _score;

    /// <summary>Creates the chart from the indicators that fired and the overall score (if any).</summary>
    public RiskContributionChart(IReadOnlyList<RiskIndicatorItem> items, double? score = null)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        _score = score;
    }

    /// <inheritdoc/>
    public string ToSvg()
    {
        var rows = _items.OrderByDescending(i => i.Contribution).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        var width = 700.0;
        var height = 60 + (Math.Max(1, rows.Count) * 24);
        var svg = new SvgDocument(width, height, "Risk indicator contributions");
        svg.Text(10, 20, "Risk indicator contributions", 14, extra: "font-weight=\"bold\"");
        if (_score is { } s)
        {
            svg.Text(width - 10, 20, "score " + s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " / 100", 11, "end", "#555555");
        }

        ChartParts.HorizontalBars(svg, 10, 36, width - 20, rows.Count * 24,
            rows.Select(r => (r.Name, r.Contribution, r.Contribution >= 0 ? "#e8590c" : "#2b8a3e")).ToList(), "0.###");
        return svg.ToString();
    }
}
