namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A chart drawn with ScottPlot: SVG and PNG from the same drawing, PNG without a browser.</summary>
public interface IPlotChart : ISvgChart
{
    /// <summary>Renders the chart as a PNG image.</summary>
    byte[] ToPng();
}
