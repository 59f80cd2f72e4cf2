namespace NetworkAnalysis.Reporting.Layout;

/// <summary>Node positions computed by a layout, in layout units (not pixels).</summary>
/// <param name="X">X coordinate per node index.</param>
/// <param name="Y">Y coordinate per node index.</param>
public sealed record LayoutResult(double[] X, double[] Y)
{
    /// <summary>Maps positions into the box <c>[margin, width-margin] × [margin, height-margin]</c>, keeping the aspect ratio.</summary>
    /// <remarks>
    /// When <paramref name="inBounds"/> is given, only those nodes decide the scale (so a far-flung isolated node
    /// cannot shrink the drawing); the others are clamped into the box.
    /// </remarks>
    public (double[] X, double[] Y) FitTo(double width, double height, double margin, IReadOnlyList<bool>? inBounds = null)
    {
        var n = X.Length;
        var px = new double[n];
        var py = new double[n];
        if (n == 0)
        {
            return (px, py);
        }

        double minX = double.MaxValue, maxX = double.MinValue, minY = double.MaxValue, maxY = double.MinValue;
        var useMask = inBounds is not null && Enumerable.Range(0, n).Any(i => inBounds[i]);
        for (var i = 0; i < n; i++)
        {
            if (!useMask || inBounds![i])
            {
                minX = Math.Min(minX, X[i]);
                maxX = Math.Max(maxX, X[i]);
                minY = Math.Min(minY, Y[i]);
                maxY = Math.Max(maxY, Y[i]);
            }
        }

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
            px[i] = n == 1 ? width / 2 : Math.Clamp(offX + ((X[i] - minX) * scale), margin / 2, width - (margin / 2));
            py[i] = n == 1 ? height / 2 : Math.Clamp(offY + ((Y[i] - minY) * scale), margin / 2, height - (margin / 2));
        }

        return (px, py);
    }
}
