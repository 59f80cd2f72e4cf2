using System.CommandLine;
using Spectre.Console;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan analyze</c>: builds the graph and clusters the case.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("analyze", "Build the ad-entity graph and cluster it into poster networks");
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(GlobalOptions.Case)!);
            var result = Progress.Run(ctx, parse.GetValue(GlobalOptions.Quiet), "Clustering", _ => new CaseAnalyzer(store).Analyze());
            if (parse.GetValue(GlobalOptions.Json))
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { run = result.RunId, ads = result.Ads, entities = result.Entities, clusters = result.Clusters, timings_ms = result.TimingsMs }));
            }
            else if (!parse.GetValue(GlobalOptions.Quiet))
            {
                ctx.Console.MarkupLineInterpolated($"Clustered [bold]{result.Ads:N0}[/] ads over {result.Entities:N0} entities into [bold]{result.Clusters:N0}[/] clusters (run {result.RunId}).");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
