using System.CommandLine;
using System.Diagnostics;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan demo</c>: the whole path on a synthetic corpus: generate, ingest, extract, cluster, show the top clusters.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var adCount = GenerateCommand.AdsOption();
        var seed = GenerateCommand.SeedOption();
        var output = new Option<string>("--out", "-o") { Description = "Folder for the corpus and the case file", DefaultValueFactory = _ => "demo-output" }.Kind(ValueKind.OutputFolder);
        var top = new Option<int>("--top") { Description = "Clusters to show", DefaultValueFactory = _ => 15 }.AtLeast(1);
        var command = new Command("demo", "Generate 20,000 synthetic ads, ingest, extract, cluster and show the top clusters");
        command.Options.Add(adCount);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            var quiet = parse.GetValue(global.Quiet);
            var folder = parse.GetValue(output)!;
            var options = new CorpusOptions { Ads = parse.GetValue(adCount), Seed = parse.GetValue(seed) };
            var watch = Stopwatch.StartNew();
            var (adsPath, truthPath) = Progress.Run(ctx, quiet, $"Generating {options.Ads:N0} ads", _ => GenerateCommand.Write(options, folder));
            var casePath = Path.Combine(folder, "demo.case");
            foreach (var stale in new[] { casePath, casePath + "-wal", casePath + "-shm" })
            {
                File.Delete(stale);
            }

            using var store = CaseStore.Open(casePath, create: true);
            CliAudit.Record(store, parse, global, "demo", Path.GetFullPath(adsPath));
            IngestCommand.Run(ctx, store, [adsPath], new IngestOptions(), quiet);
            var analysis = Progress.Run(ctx, quiet, "Clustering", _ => new CaseAnalyzer(store).Analyze());
            var clusters = store.ListClusters(limit: parse.GetValue(top));
            ctx.Console.Write(ClustersCommand.Table(clusters));
            var counts = store.Counts();
            ctx.Console.MarkupLineInterpolated($"{counts.Ads:N0} ads, {counts.Entities:N0} entities, {counts.Mentions:N0} mentions, {analysis.Clusters:N0} clusters in {watch.Elapsed.TotalSeconds:0.0} s.");
            ctx.Console.MarkupLineInterpolated($"Case file: [bold]{Path.GetFullPath(casePath)}[/]");
            ctx.Console.MarkupLineInterpolated($"Next: ./netan clusters --case {casePath}   ./netan evaluate --case {casePath} --truth {truthPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
