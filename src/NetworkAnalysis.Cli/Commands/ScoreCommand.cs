using System.CommandLine;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan score</c>: (re)computes the clusters' risk scores and stores them with the indicator file's hash.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var indicators = RiskOptions.Indicators();
        var writeDefault = new Option<string?>("--write-default") { Description = "Write the embedded default indicator file to this path (to edit it) and exit" }.Kind(ValueKind.OutputFile);
        var command = new Command("score", "Score clusters with the risk indicators (a triage aid, not a verdict)");
        command.Options.Add(indicators);
        command.Options.Add(writeDefault);
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(writeDefault) is { Length: > 0 } path)
            {
                File.WriteAllBytes(path, Core.Risk.IndicatorSet.DefaultFileBytes());
                ctx.Console.MarkupLineInterpolated($"Wrote the default indicators to {path}; pass it back with --indicators.");
                return Task.FromResult(ExitCodes.Success);
            }

            var (set, bytes) = RiskOptions.Load(parse.GetValue(indicators));
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var result = Progress.Run(ctx, parse.GetValue(global.Quiet), "Scoring", _ => new CaseRiskScorer(store).Score(set, bytes, ct));
            var review = result.Assessments.Count(a => a.NeedsReview);
            CliAudit.Record(store, parse, global, "score", store.Path, $"indicators {result.IndicatorSetSha256}");
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    clusters = result.Assessments.Count,
                    needs_review = review,
                    indicators_sha256 = result.IndicatorSetSha256,
                    caveat = result.Caveat,
                }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLineInterpolated($"Scored [bold]{result.Assessments.Count:N0}[/] clusters ({review:N0} flagged for review) with indicators {result.IndicatorSetSha256[..12]}….");
                ctx.Console.MarkupLineInterpolated($"[dim]{result.Caveat}[/]");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
