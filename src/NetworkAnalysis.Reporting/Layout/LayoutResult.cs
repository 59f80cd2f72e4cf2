namespace NetworkAnalysis.Reporting.Layout;

/// <summary>Node positions computed by a layout, in layout units (not pixels).</summary>
/// <param name="X">X coordinate per node index.</param>
/// <param name="Y">Y coordinate per node index.</param>
public sealed record LayoutResult(double[] X, double[] Y)
{
    /// <summary>Maps positions into the box <c>[margin, width-margin] × [margin, height-margin]</c>, keeping the aspect ratio.</summary>
    public (double[] X, double[] Y) FitTo(double width, double height, double margin)
    {
        var n = X.Length;
        var px = new double[n];
        var py = new double[n];
        if (n == 0)
        {
            return (px, py);
        }

        double minX = X.Min(), maxX = X.Max(), minY = Y.Min(), maxY = Y.Max();
        var spanX = Math.Max(maxX - minX, 1e-9);
        var spanY = Math.Max(maxY - minY, 1e-9);
        var scale = Math.Min((width - (2 * margin)) / spanX, (height - (2 * margin)) / spanY);
        if (n == 1 || !double.IsFinite(scale))
        {
            scale = 0;
        }

        var offX = (width - (spanX * scale)) / 2;
        var offY = (height - (spanY * scale)) / 2;
        for (var i = 0; i < n; i++)
        {
            px[i] = n == 1 ? width / 2 : offX + ((X[i] - minX) * scale);
            py[i] = n == 1 ? height / 2 : offY + ((Y[i] - minY) * scale);
        }

        return (px, py);
    }
}
