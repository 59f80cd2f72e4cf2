using System.CommandLine;
using Spectre.Console;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan analyze</c>: builds the graph and clusters the case.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var defaults = new ClusteringOptions();
        var maxGroups = new Option<int>("--max-groups") { Description = "An identifier shared by more than this many otherwise-separate groups is a hub", DefaultValueFactory = _ => defaults.Hubs.MaxGroups }.AtLeast(0);
        var maxAds = new Option<int>("--max-ads") { Description = "An identifier on more than this many ads is a hub", DefaultValueFactory = _ => defaults.Hubs.MaxAdDegree }.AtLeast(1);
        var resolution = new Option<double>("--resolution") { Description = "Leiden resolution used to split loose components", DefaultValueFactory = _ => defaults.Leiden.Resolution }.Positive();
        var quality = new Option<LeidenQuality>("--quality") { Description = "Leiden quality function", DefaultValueFactory = _ => defaults.Leiden.Quality };
        var seed = new Option<int>("--seed") { Description = "Seed for Leiden (same seed, same clusters)", DefaultValueFactory = _ => defaults.Leiden.Seed };
        var full = new Option<bool>("--full") { Description = "Recompute every component (default: after a further ingest, only components the new ads touch)" };
        var command = new Command("analyze", "Build the ad-entity graph and cluster it into poster networks (hub-aware, split by Leiden)");
        command.Options.Add(maxGroups);
        command.Options.Add(maxAds);
        command.Options.Add(resolution);
        command.Options.Add(quality);
        command.Options.Add(seed);
        command.Options.Add(full);
        var noWeak = new Option<bool>("--no-weak-links") { Description = "Cluster on identifiers only: no near-duplicate photo or text links" };
        command.Options.Add(noWeak);
        var weakKinds = new Option<string>("--weak-links")
        {
            Description = "Which near-duplicate links to use: images (default; photos within pHash distance 10), text (MinHash templates) or all",
            DefaultValueFactory = _ => "images",
        };
        weakKinds.AcceptOnlyFromAmong("all", "images", "text");
        command.Options.Add(weakKinds);
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Hubs = defaults.Hubs with { MaxGroups = parse.GetValue(maxGroups), MaxAdDegree = parse.GetValue(maxAds) },
                Leiden = defaults.Leiden with { Resolution = parse.GetValue(resolution), Quality = parse.GetValue(quality), Seed = parse.GetValue(seed) },
            };
            if (options.Hubs.MaxGroups < 0 || options.Hubs.MaxAdDegree < 1 || options.Leiden.Resolution <= 0)
            {
                throw new CliError("--max-groups must be >= 0, --max-ads >= 1 and --resolution > 0");
            }

            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            CliAudit.Record(store, parse, global, "analyze", store.Path);
            var result = Progress.Run(ctx, parse.GetValue(global.Quiet), "Clustering", _ => new CaseAnalyzer(store)
            {
                NearDuplicates = parse.GetValue(noWeak) ? new() { Images = false, Text = false }
                    : new() { Images = parse.GetValue(weakKinds) != "text", Text = parse.GetValue(weakKinds) != "images" },
            }.Analyze(options, parse.GetValue(full)));
            if (result.GraphSnapshotNote is { } note)
            {
                // The file beside the case is a cache (issue #21): not using it costs time, never correctness.
                ctx.Error.WriteLine("netan: " + LogText.Safe(note));
            }

            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { run = result.RunId, ads = result.Ads, entities = result.Entities, clusters = result.Clusters, mode = result.Incremental ? "incremental" : "full", components = result.Statistics.Components, components_reused = result.Statistics.ComponentsReused, timings_ms = result.TimingsMs, decisions = result.Decisions.Select(d => new { id = d.Decision.Id, kind = d.Decision.KindName, applies = d.Applies, note = d.Note }) }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLineInterpolated($"Clustered [bold]{result.Ads:N0}[/] ads over {result.Entities:N0} entities into [bold]{result.Clusters:N0}[/] clusters (run {result.RunId}).");
                if (result.Incremental)
                {
                    ctx.Console.MarkupLineInterpolated($"Incremental: {result.Statistics.ComponentsReused:N0} of {result.Statistics.Components:N0} components taken over unchanged (--full recomputes all).");
                }
                else
                {
                    ctx.Console.MarkupLineInterpolated($"Full analysis of {result.Statistics.Components:N0} components.");
                }

                ReportDecisions(ctx, result);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Standing decisions honoured, and every one that no longer applies with why (never dropped silently).</summary>
    private static void ReportDecisions(CliContext ctx, AnalysisRunResult result)
    {
        if (result.Decisions.Count == 0)
        {
            return;
        }

        ctx.Console.MarkupLineInterpolated($"Analyst decisions honoured: {result.Decisions.Count(d => d.Applies):N0} of {result.Decisions.Count:N0} (`netan decisions` lists them).");
        foreach (var d in result.Decisions.Where(d => !d.Applies || d.Note is not null))
        {
            var line = (d.Applies ? "Note: " : "No longer applies: ") + d.Decision.Describe() + ": " + d.Note;
            ctx.Console.MarkupLine((d.Applies ? "" : "[yellow]") + Markup.Escape(LogText.Safe(line, 1_000)) + (d.Applies ? "" : "[/]"));
        }
    }
}
