using System.Globalization;
using System.Text;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>Server-side SVG of a cluster's activity: a timeline of ads per day or week, and its movement between cities.</summary>
/// <remarks>Every string from the case is escaped with <see cref="Xml.Escape"/>; the SVG holds no script and no links.</remarks>
internal static class ActivityCharts
{
    private const int Width = 860;
    private const int Left = 140;
    private const int Right = 20;
    private const int MaxStops = 1500;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Timeline(string title, IReadOnlyList<(string? PostedAt, string? City)> activity)
    {
        var times = Times(activity).Select(t => t.Time).ToList();
        const int Height = 240;
        var svg = Open(Height, title);
        if (times.Count == 0)
        {
            return Close(svg.Append(Text(Width / 2, Height / 2, "no dated ads", "middle")));
        }

        var first = times[0].Date;
        var days = (int)(times[^1].Date - first).TotalDays + 1;
        var bucketDays = days > 180 ? 7 : 1;
        var buckets = new int[(days + bucketDays - 1) / bucketDays];
        foreach (var t in times)
        {
            buckets[(int)(t.Date - first).TotalDays / bucketDays]++;
        }

        var max = Math.Max(1, buckets.Max());
        double plotW = Width - Left - Right, plotH = Height - 90, barW = plotW / buckets.Length;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] == 0)
            {
                continue;
            }

            var h = plotH * buckets[i] / max;
            svg.Append(Inv, $"<rect fill=\"#3a6ea5\" x=\"{Left + (i * barW):0.#}\" y=\"{50 + plotH - h:0.#}\" width=\"{Math.Max(1, barW - 1):0.#}\" height=\"{h:0.#}\"><title>{Xml.Escape(first.AddDays(i * bucketDays).ToString("yyyy-MM-dd", Inv))}: {buckets[i]} ads</title></rect>");
        }

        svg.Append(Inv, $"<line stroke=\"#bbb\" x1=\"{Left}\" y1=\"{50 + plotH}\" x2=\"{Width - Right}\" y2=\"{50 + plotH}\"/>");
        svg.Append(Text(Left, Height - 18, first.ToString("yyyy-MM-dd", Inv), "start"));
        svg.Append(Text(Width - Right, Height - 18, times[^1].ToString("yyyy-MM-dd", Inv), "end"));
        svg.Append(Text(Left - 8, 56, max.ToString(Inv), "end"));
        svg.Append(Text(Left - 8, 50 + (int)plotH, "0", "end"));
        svg.Append(Text(Left - 8, 50 + ((int)plotH / 2), bucketDays == 7 ? "ads/week" : "ads/day", "end"));
        return Close(svg);
    }

    public static string Movement(string title, IReadOnlyList<(string? PostedAt, string? City)> activity)
    {
        // One stop per visit (consecutive ads in one city), at most MaxStops evenly sampled: a 100,000-ad cluster must
        // still give an SVG a browser draws at once.
        var all = Times(activity).Where(p => p.City is not null).ToList();
        var visits = all.Where((p, i) => i == 0 || i == all.Count - 1 || !string.Equals(p.City, all[i - 1].City, StringComparison.Ordinal)).ToList();
        var step = Math.Max(1, (visits.Count + MaxStops - 1) / MaxStops);
        var points = visits.Where((_, i) => i % step == 0 || i == visits.Count - 1).ToList();
        var cities = points.Select(p => p.City!).Distinct(StringComparer.Ordinal).Take(25).ToList();
        var rowOf = cities.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var height = 90 + (Math.Max(1, cities.Count) * 22);
        var svg = Open(height, title);
        if (points.Count == 0)
        {
            return Close(svg.Append(Text(Width / 2, height / 2, "no dated ads with a city", "middle")));
        }

        var t0 = points[0].Time;
        var span = Math.Max(1, (points[^1].Time - t0).TotalSeconds);
        double plotW = Width - Left - Right;
        double X(DateTimeOffset t) => Left + (plotW * (t - t0).TotalSeconds / span);
        double Y(int row) => 60 + (row * 22);
        for (var i = 0; i < cities.Count; i++)
        {
            svg.Append(Text(Left - 8, (int)Y(i) + 4, cities[i], "end"));
            svg.Append(Inv, $"<line stroke=\"#ddd\" x1=\"{Left}\" y1=\"{Y(i):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(i):0.#}\"/>");
        }

        var path = new StringBuilder();
        foreach (var p in points.Where(p => rowOf.ContainsKey(p.City!)))
        {
            path.Append(path.Length == 0 ? 'M' : 'L').Append(Inv, $"{X(p.Time):0.#},{Y(rowOf[p.City!]):0.#} ");
        }

        svg.Append(Inv, $"<path fill=\"none\" stroke=\"#c0504d\" stroke-width=\"1.5\" opacity=\"0.7\" d=\"{path.ToString().TrimEnd()}\"/>");
        foreach (var p in points.Where(p => rowOf.ContainsKey(p.City!)))
        {
            svg.Append(Inv, $"<circle fill=\"#c0504d\" cx=\"{X(p.Time):0.#}\" cy=\"{Y(rowOf[p.City!]):0.#}\" r=\"3\"><title>{Xml.Escape(p.City)} {Xml.Escape(p.Time.ToString("yyyy-MM-dd HH:mm", Inv))}</title></circle>");
        }

        svg.Append(Text(Left, height - 14, t0.ToString("yyyy-MM-dd", Inv), "start"));
        svg.Append(Text(Width - Right, height - 14, points[^1].Time.ToString("yyyy-MM-dd", Inv), "end"));
        return Close(svg);
    }

    private static List<(DateTimeOffset Time, string? City)> Times(IReadOnlyList<(string? PostedAt, string? City)> activity) =>
        [.. activity
            .Select(a => (Ok: DateTimeOffset.TryParse(a.PostedAt, Inv, DateTimeStyles.AssumeUniversal, out var t), Time: t, a.City))
            .Where(a => a.Ok)
            .Select(a => (a.Time.ToUniversalTime(), a.City))
            .OrderBy(a => a.Item1)];

    private static StringBuilder Open(int height, string title) => new StringBuilder()
        .Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\">")
        .Append(Inv, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#fff\"/>")
        .Append(Text(Left, 26, title, "start"));

    private static string Text(int x, int y, string text, string anchor) =>
        string.Create(Inv, $"<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">{Xml.Escape(text)}</text>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();
}
