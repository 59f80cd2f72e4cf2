namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A chart that renders itself as a standalone SVG document.</summary>
/// <remarks>Implementations are deterministic: the same data and options give byte-identical SVG.</remarks>
public interface ISvgChart
{
    /// <summary>Renders the chart as an SVG document (no external references, all text escaped).</summary>
    string ToSvg();
}
