using System.Globalization;
using NetworkAnalysis.Reporting.Geo;
using NetworkAnalysis.Reporting.Model;
using ScottPlot;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>A cluster's cities on a map with its route: cities joined in the order they were first seen (ScottPlot).</summary>
/// <remarks>
/// A cluster whose cities all lie in the 50 states and DC is drawn on an Albers-USA-like projection (<see cref="AlbersUsa"/>);
/// any other is drawn on an equirectangular world map (x = longitude, y = latitude) cropped to its cities. Cities the
/// gazetteer does not know are listed under the map, never silently dropped.
/// </remarks>
public sealed class MovementMapChart : PlotChart
{
    private const int MaxLabels = 40;
    private readonly GeoAtlas _atlas;
    private readonly IReadOnlyList<MapPlace> _places;
    private readonly bool _us;

    /// <summary>Creates the map of a cluster's ads.</summary>
    public MovementMapChart(IReadOnlyList<ReportAd> ads, GeoAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(ads);
        _atlas = atlas ?? throw new ArgumentNullException(nameof(atlas));
        _places = Places(ads, atlas.Gazetteer);
        var placed = _places.Where(p => p.Location is not null).ToList();
        _us = placed.All(p => p.Location!.Country == "US" && _atlas.UsStates.Count > 0);
    }

    /// <summary>The cities in route order (first seen first; undated last), each with its gazetteer location or null.</summary>
    public IReadOnlyList<MapPlace> Route => _places;

    /// <summary>Cities not in the gazetteer, as the ads name them.</summary>
    public IReadOnlyList<string> Unplaced => _places.Where(p => p.Location is null).Select(p => p.City).ToList();

    /// <summary>Whether the map is the US map (else the world map).</summary>
    public bool IsUsMap => _us;

    /// <inheritdoc/>
    public override int Width => 960;

    /// <inheritdoc/>
    public override int Height => 640;

    /// <inheritdoc/>
    protected override string Name => "map";

    /// <inheritdoc/>
    protected override string Title => "Movement map";

    /// <summary>The distinct (city, region, country) of the ads, placed by the gazetteer, in first-seen order.</summary>
    public static IReadOnlyList<MapPlace> Places(IEnumerable<ReportAd> ads, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(ads);
        ArgumentNullException.ThrowIfNull(gazetteer);
        return ads.Where(a => !string.IsNullOrWhiteSpace(a.City))
            .GroupBy(a => (City: a.City!.Trim(), Region: a.Region?.Trim() ?? "", Country: a.Country?.Trim() ?? ""))
            .Select(g => new MapPlace(g.Key.City, g.Key.Region.Length == 0 ? null : g.Key.Region, g.Key.Country.Length == 0 ? null : g.Key.Country,
                g.Where(a => a.PostedAt is not null).Select(a => a.PostedAt).Min(), g.Count(),
                gazetteer.Find(g.Key.City, g.Key.Region, g.Key.Country)))
            .OrderBy(p => p.FirstSeen is null).ThenBy(p => p.FirstSeen).ThenBy(p => p.City, StringComparer.Ordinal)
            .ThenBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Country, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where a place is drawn, in the map's projected units (y north).</summary>
    public (double X, double Y) Project(GeoCity city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return _us ? AlbersUsa.Project(city.Lon, city.Lat, city.Admin) : (city.Lon, city.Lat);
    }

    /// <summary>The projected rectangle the map shows: (left, right, bottom, top).</summary>
    public (double Left, double Right, double Bottom, double Top) View()
    {
        if (_us)
        {
            var all = _atlas.UsStates.SelectMany(st => st.Rings.SelectMany(ring => ring.Select(p => AlbersUsa.Project(p.Lon, p.Lat, AlbersUsa.InsetOf(st.Id))))).ToList();
            if (all.Count > 0)
            {
                double l0 = all.Min(p => p.X), r0 = all.Max(p => p.X), b0 = all.Min(p => p.Y), t0 = all.Max(p => p.Y);
                var padX = (r0 - l0) * 0.04;
                var padY = (t0 - b0) * 0.12;
                return (l0 - padX, r0 + (padX * 3), b0 - (padY * 1.5), t0 + padY);
            }

            return (-0.36, 0.36, -0.30, 0.20);
        }

        var points = _places.Where(p => p.Location is not null).Select(p => Project(p.Location!)).ToList();
        if (points.Count == 0)
        {
            return (-180, 180, -60, 85);
        }

        double l = points.Min(p => p.X), r = points.Max(p => p.X), b = points.Min(p => p.Y), t = points.Max(p => p.Y);
        var w = Math.Max(40, (r - l) * 1.3);
        var h = Math.Max(25, (t - b) * 1.3);
        var cx = (l + r) / 2;
        var cy = (b + t) / 2;
        return (Math.Max(-180, cx - (w / 2)), Math.Min(180, cx + (w / 2)), Math.Max(-90, cy - (h / 2)), Math.Min(90, cy + (h / 2)));
    }

    /// <inheritdoc/>
    protected override IEnumerable<(Plot Plot, PixelRect Rect)> Layout()
    {
        var plot = NewPlot();
        plot.Axes.Frameless();
        plot.HideGrid();
        var view = View();
        DrawShapes(plot, view);
        var placed = _places.Where(p => p.Location is not null).ToList();
        var route = placed.Where(p => p.FirstSeen is not null).ToList();
        for (var k = 1; k < route.Count; k++)
        {
            var (x0, y0) = Project(route[k - 1].Location!);
            var (x1, y1) = Project(route[k].Location!);
            if (Math.Abs(x1 - x0) + Math.Abs(y1 - y0) < 1e-9)
            {
                continue;
            }

            var arrow = plot.Add.Arrow(new Coordinates(x0, y0), new Coordinates(x1, y1));
            arrow.ArrowLineColor = Hex("#c2255c").WithAlpha(0.75);
            arrow.ArrowFillColor = Hex("#c2255c").WithAlpha(0.75);
            arrow.ArrowLineWidth = 0;
            arrow.ArrowWidth = 2;
            arrow.ArrowheadLength = 12;
            arrow.ArrowheadWidth = 10;
        }

        var max = Math.Max(1, placed.Count == 0 ? 1 : placed.Max(p => p.AdCount));
        for (var k = 0; k < placed.Count; k++)
        {
            var p = placed[k];
            var (x, y) = Project(p.Location!);
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, (float)(6 + (12 * Math.Sqrt(p.AdCount / (double)max))), Hex(ChartPalette.Ad).WithAlpha(0.85));
            marker.LineWidth = 0;
            if (k < MaxLabels)
            {
                var order = p.FirstSeen is null ? "·" : (route.IndexOf(p) + 1).ToString(CultureInfo.InvariantCulture) + ".";
                var label = plot.Add.Text(order + " " + ChartText.Label(p.City, 24) + " (" + p.AdCount.ToString(CultureInfo.InvariantCulture) + ")", x, y);
                label.LabelFontSize = 11;
                label.LabelOffsetX = 9;
                label.LabelOffsetY = -7;
                label.LabelFontColor = Hex("#212529");
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.7);
            }
        }

        var heading = plot.Add.Annotation(
            "Movement map · " + placed.Count.ToString(CultureInfo.InvariantCulture) + " cities, route by first-seen date"
            + (_us ? " · Albers USA-like projection" : " · equirectangular projection"), Alignment.UpperLeft);
        heading.LabelFontSize = 13;
        heading.LabelBold = true;
        Plain(heading);
        var notes = new List<string>();
        var unplaced = Unplaced;
        if (unplaced.Count > 0)
        {
            notes.Add("Not in the gazetteer, not drawn (" + unplaced.Count.ToString(CultureInfo.InvariantCulture) + "): "
                + string.Join(", ", unplaced.Take(8).Select(c => ChartText.Label(c, 24))) + (unplaced.Count > 8 ? ", …" : ""));
        }

        if (placed.Count > MaxLabels)
        {
            notes.Add("Labels on the first " + MaxLabels.ToString(CultureInfo.InvariantCulture) + " cities only.");
        }

        notes.Add(GeoAtlas.Credit);
        var footer = plot.Add.Annotation(string.Join("\n", notes), Alignment.LowerLeft);
        footer.LabelFontSize = 10;
        Plain(footer);
        plot.Axes.SetLimits(view.Left, view.Right, view.Bottom, view.Top);
        plot.Axes.SquareUnits();
        yield return (plot, new PixelRect(0, Width, Height, 0));
    }

    private void DrawShapes(Plot plot, (double Left, double Right, double Bottom, double Top) view)
    {
        var fill = Hex("#eef0f3");
        var line = Hex("#adb5bd");
        var minStep = (view.Right - view.Left) / Width * 0.8;
        if (_us)
        {
            foreach (var state in _atlas.UsStates)
            {
                var inset = AlbersUsa.InsetOf(state.Id);
                foreach (var ring in state.Rings)
                {
                    AddRing(plot, ring.Select(p => AlbersUsa.Project(p.Lon, p.Lat, inset)), fill, line, minStep);
                }
            }

            return;
        }

        foreach (var country in _atlas.WorldCountries)
        {
            foreach (var ring in country.Rings)
            {
                var overlaps = ring.Any(p => p.Lon >= view.Left - 30 && p.Lon <= view.Right + 30 && p.Lat >= view.Bottom - 30 && p.Lat <= view.Top + 30);
                if (overlaps)
                {
                    AddRing(plot, ring.Select(p => (p.Lon, p.Lat)), fill, line, minStep);
                }
            }
        }
    }

    private static void Plain(ScottPlot.Plottables.Annotation annotation)
    {
        annotation.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        annotation.LabelBorderColor = Hex("#ced4da");
        annotation.LabelShadowColor = Colors.Transparent;
        annotation.LabelFontColor = Hex("#212529");
    }

    private static void AddRing(Plot plot, IEnumerable<(double X, double Y)> points, Color fill, Color line, double minStep)
    {
        // Points closer than most of a pixel to the last one kept add bytes, not detail.
        var kept = new List<Coordinates>();
        foreach (var (x, y) in points)
        {
            if (kept.Count == 0 || Math.Abs(x - kept[^1].X) + Math.Abs(y - kept[^1].Y) >= minStep)
            {
                kept.Add(new Coordinates(x, y));
            }
        }

        if (kept.Count < 3)
        {
            return;
        }

        var polygon = plot.Add.Polygon(kept.ToArray());
        polygon.FillColor = fill;
        polygon.LineColor = line;
        polygon.LineWidth = 0.6f;
    }
}
