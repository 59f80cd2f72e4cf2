using ScottPlot;
using SkiaSharp;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Base of the ScottPlot charts: one or more plots laid out on one canvas, written as SVG or PNG.</summary>
/// <remarks>
/// Rendering is deterministic: fixed sizes, fixed fonts, data in a fixed order, and <see cref="PlotSvg"/> renumbers the
/// IDs Skia draws from a global counter. Every label that comes from ad data passes through <see cref="ChartText.Label"/>.
/// </remarks>
public abstract class PlotChart : IPlotChart
{
    /// <summary>Width in pixels.</summary>
    public abstract int Width { get; }

    /// <summary>Height in pixels.</summary>
    public abstract int Height { get; }

    /// <summary>Short name used as the prefix of the SVG's IDs (unique per chart kind).</summary>
    protected abstract string Name { get; }

    /// <summary>The document title (accessible name of the SVG).</summary>
    protected abstract string Title { get; }

    /// <inheritdoc/>
    public string ToSvg()
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream))
        {
            Draw(canvas);
        }

        return PlotSvg.Finish(System.Text.Encoding.UTF8.GetString(stream.ToArray()), Name, Title);
    }

    /// <inheritdoc/>
    public byte[] ToPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("could not create a drawing surface");
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The plots and the pixel rectangle each is drawn into.</summary>
    protected abstract IEnumerable<(Plot Plot, PixelRect Rect)> Layout();

    /// <summary>A new plot with the project's look: white background, DejaVu Sans, fixed font sizes.</summary>
    protected static Plot NewPlot(string? title = null)
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Font.Set("DejaVu Sans");
        if (title is not null)
        {
            plot.Title(title, 14);
        }

        return plot;
    }

    /// <summary>Up to <paramref name="max"/> evenly spaced date ticks (yyyy-MM-dd) on the bottom axis; x values are OLE dates.</summary>
    protected static void DateTicks(Plot plot, DateOnly first, DateOnly last, int max = 6)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var step = Math.Max(1, (int)Math.Ceiling(span / (double)max));
        for (var d = 0; d <= span; d += step)
        {
            var day = first.AddDays(d);
            ticks.AddMajor(Day(day), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>The x value of a day on a date axis.</summary>
    protected static double Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToOADate();

    /// <summary>Manual ticks from (position, label) pairs; labels are cleaned with <see cref="ChartText.Label"/>.</summary>
    protected static ScottPlot.TickGenerators.NumericManual Ticks(IEnumerable<(double Position, string Label)> ticks, int maxLabel = 28)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var manual = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (position, label) in ticks)
        {
            manual.AddMajor(position, ChartText.Label(label, maxLabel));
        }

        return manual;
    }

    /// <summary>A ScottPlot colour from a <c>#rrggbb</c> palette entry.</summary>
    protected static Color Hex(string hex) => Color.FromHex(hex);

    private void Draw(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        foreach (var (plot, rect) in Layout())
        {
            using (plot)
            {
                // ScottPlot clears the canvas it draws on: clip to the plot's own rectangle so panels do not erase each other.
                canvas.Save();
                canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
                plot.Render(canvas, rect);
                canvas.Restore();
            }
        }
    }
}
