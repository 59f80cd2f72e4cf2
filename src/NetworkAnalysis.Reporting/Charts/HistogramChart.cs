using System.Globalization;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A histogram of one numeric field (stated prices, stated ages) with fixed-width bins (ScottPlot).</summary>
public sealed class HistogramChart : PlotChart
{
    private readonly string _title;
    private readonly string _xLabel;
    private readonly string _name;
    private readonly IReadOnlyList<double> _values;
    private readonly double _binWidth;
    private readonly string? _note;

    /// <summary>Creates the chart; non-finite values are ignored.</summary>
    /// <param name="name">Short name for the SVG's IDs.</param>
    /// <param name="title">Title (cleaned like every label).</param>
    /// <param name="xLabel">Label of the x axis.</param>
    /// <param name="values">The values.</param>
    /// <param name="binWidth">Bin width (positive).</param>
    /// <param name="note">A caveat printed under the axis, if any.</param>
    public HistogramChart(string name, string title, string xLabel, IEnumerable<double> values, double binWidth, string? note = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(binWidth);
        _name = name ?? "histogram";
        _title = title ?? "";
        _xLabel = xLabel ?? "";
        _values = (values ?? throw new ArgumentNullException(nameof(values))).Where(double.IsFinite).ToList();
        _binWidth = binWidth;
        _note = note;
    }

    /// <summary>Stated prices of the ads, in bins of 20.</summary>
    public static HistogramChart Prices(IEnumerable<Model.ReportAd> ads) =>
        new("prices", "Stated prices", "price (as stated; currency not converted)",
            (ads ?? throw new ArgumentNullException(nameof(ads))).Where(a => a.Price is > 0 and < 100_000).Select(a => a.Price!.Value), 20);

    /// <summary>Stated ages of the ads, one bin per year; a claimed age says nothing about the real one.</summary>
    public static HistogramChart Ages(IEnumerable<Model.ReportAd> ads) =>
        new("ages", "Stated ages", "age (as stated in the ad)",
            (ads ?? throw new ArgumentNullException(nameof(ads))).Where(a => a.Age is > 0 and < 120).Select(a => (double)a.Age!.Value), 1,
            "Stated ages are claims; ads routinely understate or overstate them.");

    /// <inheritdoc/>
    public override int Width => 640;

    /// <inheritdoc/>
    public override int Height => 400;

    /// <inheritdoc/>
    protected override string Name => _name;

    /// <inheritdoc/>
    protected override string Title => _title;

    /// <summary>(bin start, count) for every non-empty bin, in order.</summary>
    public IReadOnlyList<(double Start, int Count)> Bins() =>
        _values.GroupBy(v => Math.Floor(v / _binWidth) * _binWidth).Select(g => (Start: g.Key, Count: g.Count())).OrderBy(b => b.Start).ToList();

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        var bins = Bins();
        var plot = NewPlot(ChartText.Label(_title, 60) + " · " + _values.Count.ToString("N0", CultureInfo.InvariantCulture) + " ads");
        plot.XLabel(ChartText.Label(_note is null ? _xLabel : _xLabel + " — " + _note, 120), 11);
        plot.YLabel("ads", 12);
        if (bins.Count == 0)
        {
            var none = plot.Add.Text("No values.", 0, 0);
            none.LabelFontSize = 12;
            plot.Axes.SetLimits(-1, 1, -1, 1);
        }
        else
        {
            var bars = plot.Add.Bars(bins.Select(b => new Bar
            {
                Position = b.Start + (_binWidth / 2),
                Value = b.Count,
                Size = _binWidth * 0.9,
                FillColor = Hex(ChartPalette.Ad),
                LineWidth = 0,
            }).ToArray());
            _ = bars;
            plot.Axes.Margins(bottom: 0);
        }

        yield return (plot, new PixelRect(0, Width, Height, 0));
    }
}
