using NetworkAnalysis.Reporting.Layout;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Settings of <see cref="NetworkChart"/>.</summary>
public sealed record NetworkChartOptions
{
    /// <summary>Drawing width in pixels.</summary>
    public double Width { get; init; } = 900;

    /// <summary>Drawing height in pixels.</summary>
    public double Height { get; init; } = 700;

    /// <summary>Show identifier values in labels and tooltips; masked otherwise.</summary>
    public bool ShowIdentifiers { get; init; }

    /// <summary>Title shown above the drawing.</summary>
    public string Title { get; init; } = "Network";

    /// <summary>Layout settings (seed, iterations).</summary>
    public ForceAtlas2Options Layout { get; init; } = new();

    /// <summary>Label at most this many entities (the best connected first); 0 hides entity labels.</summary>
    public int MaxEntityLabels { get; init; } = 40;
}
