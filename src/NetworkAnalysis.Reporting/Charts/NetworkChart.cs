using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A force-directed drawing of ads and the entities that link them; hubs faded, identifiers masked unless asked.</summary>
public sealed class NetworkChart : ISvgChart
{
    private const double LegendHeight = 28;
    private readonly CaseGraph _graph;
    private readonly NetworkChartOptions _options;

    /// <summary>Creates the chart for a graph (usually one cluster's, see <see cref="CaseGraph.ForCluster"/>).</summary>
    public NetworkChart(CaseGraph graph, NetworkChartOptions? options = null)
    {
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _options = options ?? new NetworkChartOptions();
    }

    /// <summary>Builds the layout graph: ads first (in order), then entities; hub links are weak springs.</summary>
    public static (LayoutGraph Graph, IReadOnlyDictionary<string, int> AdIndex, IReadOnlyDictionary<string, int> EntityIndex) BuildLayoutGraph(CaseGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var adIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ad in graph.Ads)
        {
            adIndex.TryAdd(ad.Key, adIndex.Count);
        }

        var entityIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var hub = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in graph.Entities)
        {
            if (entityIndex.TryAdd(e.Id, adIndex.Count + entityIndex.Count) && !e.Links)
            {
                hub.Add(e.Id);
            }
        }

        var edges = new List<(int, int, double)>(graph.Links.Count);
        foreach (var link in graph.Links)
        {
            if (!adIndex.TryGetValue(link.Source, out var s))
            {
                continue;
            }

            if (link.Kind == ReportLinkKind.Mentions)
            {
                if (entityIndex.TryGetValue(link.Target, out var t))
                {
                    edges.Add((s, t, hub.Contains(link.Target) ? 0.1 : 1.0));
                }
            }
            else if (adIndex.TryGetValue(link.Target, out var t) && t != s)
            {
                edges.Add((s, t, Math.Clamp(link.Weight, 0.05, 1.0)));
            }
        }

        return (new LayoutGraph(adIndex.Count + entityIndex.Count, edges), adIndex, entityIndex);
    }

    /// <inheritdoc/>
    public string ToSvg()
    {
        var (layoutGraph, adIndex, entityIndex) = BuildLayoutGraph(_graph);
        var layout = ForceAtlas2Layout.Compute(layoutGraph, _options.Layout);
        var n = layoutGraph.NodeCount;
        var isHub = new bool[n];
        foreach (var e in _graph.Entities)
        {
            if (entityIndex.TryGetValue(e.Id, out var ix))
            {
                isHub[ix] = !e.Links;
            }
        }

        PlaceHubsAmongNeighbours(layoutGraph, layout, isHub);
        var top = 30.0;
        var inBounds = Enumerable.Range(0, n).Select(i => !isHub[i] && layoutGraph.Degrees[i] > 0).ToArray();
        var (px, py) = layout.FitTo(_options.Width, _options.Height - top - LegendHeight, 20, inBounds);
        for (var i = 0; i < n; i++)
        {
            py[i] += top;
        }

        var svg = new SvgDocument(_options.Width, _options.Height, _options.Title);
        svg.Text(10, 20, _options.Title, 14, extra: "font-weight=\"bold\"");
        svg.Text(_options.Width - 10, 20, $"{adIndex.Count} ads · {entityIndex.Count} identifiers", 11, "end", "#555555");
        var big = n > 300;

        DrawEdges(svg, layoutGraph, px, py, isHub, big);
        DrawEntities(svg, entityIndex, layoutGraph, px, py, big);
        DrawAds(svg, adIndex, px, py, big);
        DrawLegend(svg);
        return svg.ToString();
    }

    /// <summary>
    /// Hubs hang on weak springs, so the layout lets them drift to the edge and squeeze the drawing; they are moved
    /// to the centroid of their neighbours (nudged by their index so several hubs do not coincide).
    /// </summary>
    private static void PlaceHubsAmongNeighbours(LayoutGraph g, LayoutResult layout, bool[] isHub)
    {
        var sumX = new double[g.NodeCount];
        var sumY = new double[g.NodeCount];
        var count = new int[g.NodeCount];
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var s = g.Sources[e];
            var t = g.Targets[e];
            if (isHub[t] && !isHub[s])
            {
                sumX[t] += layout.X[s];
                sumY[t] += layout.Y[s];
                count[t]++;
            }

            if (isHub[s] && !isHub[t])
            {
                sumX[s] += layout.X[t];
                sumY[s] += layout.Y[t];
                count[s]++;
            }
        }

        for (var i = 0; i < g.NodeCount; i++)
        {
            if (isHub[i] && count[i] > 0)
            {
                var angle = i * 2.399963; // golden angle
                layout.X[i] = (sumX[i] / count[i]) + (Math.Cos(angle) * 3);
                layout.Y[i] = (sumY[i] / count[i]) + (Math.Sin(angle) * 3);
            }
        }
    }

    private static void DrawEdges(SvgDocument svg, LayoutGraph g, double[] px, double[] py, bool[] isHub, bool big)
    {
        svg.BeginGroup(extra: $"stroke-linecap=\"round\" opacity=\"{(big ? "0.35" : "0.6")}\"");
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var s = g.Sources[e];
            var t = g.Targets[e];
            var faded = isHub[s] || isHub[t];
            svg.Line(px[s], py[s], px[t], py[t], faded ? "#cccccc" : "#8a8f98", big ? 0.4 : 1, faded ? "stroke-dasharray=\"3 3\"" : null);
        }

        svg.EndGroup();
    }

    private void DrawAds(SvgDocument svg, IReadOnlyDictionary<string, int> adIndex, double[] px, double[] py, bool big)
    {
        var r = big ? 2.2 : 4.5;
        var labelAds = adIndex.Count <= 40;
        foreach (var ad in _graph.Ads)
        {
            var i = adIndex[ad.Key];
            svg.BeginGroup($"ad {ad.Key}{(ad.City is null ? "" : " · " + ad.City)}{(ad.PostedAt is { } t ? " · " + t.ToString("yyyy-MM-dd") : "")}");
            svg.Rect(px[i] - r, py[i] - r, 2 * r, 2 * r, ChartPalette.Ad, "stroke=\"#ffffff\" stroke-width=\"0.5\"");
            if (labelAds)
            {
                svg.Text(px[i] + r + 2, py[i] + 3, ad.Key, 8, fill: "#3b5bdb");
            }

            svg.EndGroup();
        }
    }

    private void DrawEntities(SvgDocument svg, IReadOnlyDictionary<string, int> entityIndex, LayoutGraph g, double[] px, double[] py, bool big)
    {
        var labelled = _graph.Entities
            .Where(e => e.Links && entityIndex.ContainsKey(e.Id))
            .OrderByDescending(e => g.Degrees[entityIndex[e.Id]]).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(big ? Math.Min(12, _options.MaxEntityLabels) : _options.MaxEntityLabels)
            .Select(e => e.Id)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var e in _graph.Entities)
        {
            if (!entityIndex.TryGetValue(e.Id, out var i))
            {
                continue;
            }

            var shown = IdentifierMasker.MaskUnless(e.Value, _options.ShowIdentifiers);
            var r = big ? Math.Min(5, 1.5 + (0.5 * Math.Sqrt(g.Degrees[i]))) : Math.Min(12, 3.5 + Math.Sqrt(g.Degrees[i]));
            svg.BeginGroup($"{e.Type} {shown}{(e.IsHub ? " (hub)" : "")} · {g.Degrees[i]} ads", e.Links ? null : "opacity=\"0.3\"");
            svg.Circle(px[i], py[i], r, ChartPalette.ForEntityType(e.Type), "stroke=\"#ffffff\" stroke-width=\"0.8\"");
            if (labelled.Contains(e.Id))
            {
                svg.Text(px[i] + r + 2, py[i] + 3, shown, 9, fill: "#333333");
            }

            svg.EndGroup();
        }
    }

    private void DrawLegend(SvgDocument svg)
    {
        var y = _options.Height - 10;
        var x = 10.0;
        svg.Rect(x, y - 8, 8, 8, ChartPalette.Ad);
        svg.Text(x + 12, y, "ad", 10);
        x += 40;
        foreach (var type in _graph.Entities.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            svg.Circle(x + 4, y - 4, 4.5, ChartPalette.ForEntityType(type));
            svg.Text(x + 12, y, type, 10);
            x += 18 + (type.Length * 6.5);
        }

        if (_graph.Entities.Any(e => !e.Links))
        {
            svg.Circle(x + 4, y - 4, 4.5, "#888888", "opacity=\"0.3\"");
            svg.Text(x + 12, y, _graph.Entities.Any(e => e.IsHub) ? "hub or non-linking (faded)" : "non-linking (faded)", 10);
        }
    }
}
