using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Reporting.Geo;
using NetworkAnalysis.Reporting.Layout;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan chart &lt;kind&gt; --out FILE.svg|png</c>: one chart of the case or of a cluster.</summary>
internal static class ChartCommand
{
    private static readonly string[] Kinds = ["network", "timeline", "movement", "map", "activity", "sizes", "overview", "prices", "ages"];

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var kind = new Argument<string>("kind") { Description = string.Join(", ", Kinds) };
        kind.AcceptOnlyFromAmong(Kinds);
        var output = new Option<string>("--out", "-o") { Description = "Output file: .svg or .png (ScottPlot charts without a browser; the network drawing through headless Chromium)", Required = true }.Kind(ValueKind.OutputFile);
        var cluster = new Option<string?>("--cluster") { Description = "Cluster to draw (network, timeline, movement, map need one; the others draw the whole case without it)" }.Kind(ValueKind.Text);
        var showIds = new Option<bool>("--show-identifiers") { Description = "Show identifier values in full (masked by default)" };
        var force = new Option<bool>("--force") { Description = "Replace --out if it exists" };
        var seed = new Option<int>("--seed") { Description = "Seed of the network layout", DefaultValueFactory = _ => 42 };
        var command = new Command("chart", "Draw one chart as SVG or PNG");
        command.Arguments.Add(kind);
        foreach (var o in new Option[] { output, cluster, showIds, seed, force })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var which = parse.GetValue(kind)!;
            var id = parse.GetValue(cluster);
            var path = parse.GetValue(output)!;
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".svg" or ".png"))
            {
                throw new CliError("--out must end in .svg or .png");
            }

            if (id is null && which is "network" or "timeline" or "movement" or "map")
            {
                throw new CliError($"`chart {which}` needs --cluster ID (see `netan clusters`)");
            }

            var atlas = which == "map" ? GeoAtlas.Default ?? throw new CliError(GeoDataFiles.MissingHint, ExitCodes.Failure) : null;
            using var reader = new CaseReportReader(parse.GetValue(global.Case)!);
            if (id is not null && !reader.ClusterExists(id))
            {
                throw new CliError($"no cluster {LogText.Safe(id, 40)} in the case (see `netan clusters`)");
            }

            SafeOutput.CheckFile(path, parse.GetValue(force));
            using (var store = Storage.CaseStore.Open(parse.GetValue(global.Case)!))
            {
                CliAudit.Record(store, parse, global, "chart " + which, id ?? "(all)", Path.GetFullPath(path));
            }

            ISvgChart chart = which switch
            {
                "network" => new NetworkChart(reader.LoadGraph(id, false, ct), new NetworkChartOptions
                {
                    ShowIdentifiers = parse.GetValue(showIds),
                    Layout = new ForceAtlas2Options { Seed = parse.GetValue(seed) },
                    Title = "Cluster " + id,
                }),
                "timeline" => new TimelineChart(reader.LoadGraph(id, false, ct).Ads),
                "movement" => new MovementChart(reader.LoadGraph(id, false, ct).Ads),
                "map" => new MovementMapChart(reader.LoadGraph(id, false, ct).Ads, atlas!),
                "activity" => new ActivityHeatmapChart(reader.LoadGraph(id, false, ct).Ads),
                "prices" => HistogramChart.Prices(reader.LoadGraph(id, false, ct).Ads),
                "ages" => HistogramChart.Ages(reader.LoadGraph(id, false, ct).Ads),
                "sizes" => new SizeDistributionChart(reader.ClusterSizes()),
                _ => new CorpusOverviewChart(reader.LoadGraph(id, false, ct)),
            };
            if (ext == ".svg")
            {
                var svg = chart.ToSvg();
                await SafeOutput.WriteFileAsync(path, parse.GetValue(force), temp => File.WriteAllTextAsync(temp, svg, ct));
            }
            else if (chart is IPlotChart plot)
            {
                var png = plot.ToPng();
                await SafeOutput.WriteFileAsync(path, parse.GetValue(force), temp => File.WriteAllBytesAsync(temp, png, ct));
            }
            else
            {
                var svg = chart.ToSvg();
                var temp = Path.Combine(Path.GetTempPath(), "netan-chart-" + Guid.NewGuid().ToString("N") + ".svg");
                try
                {
                    await File.WriteAllTextAsync(temp, svg, ct);
                    var root = XDocument.Parse(svg).Root!;
                    var width = (int)Math.Ceiling(double.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture));
                    var height = (int)Math.Ceiling(double.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture));
                    await SafeOutput.WriteFileAsync(path, parse.GetValue(force), async png =>
                    {
                        var result = await new ChromiumRunner().ScreenshotAsync(temp, png, width, height, ct);
                        if (!result.Success)
                        {
                            throw new CliError("PNG not written: " + result.Error, ExitCodes.Failure);
                        }
                    });
                }
                finally
                {
                    File.Delete(temp);
                }
            }

            if (chart is MovementMapChart map && map.Unplaced.Count > 0)
            {
                // Never dropped silently: cities the gazetteer does not know are named (they are also listed on the map).
                ctx.Console.WriteLine($"not on the map (not in the gazetteer): {LogText.Safe(string.Join(", ", map.Unplaced), 400)}");
            }

            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine($"{which} chart written to {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
