using System.CommandLine;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan show &lt;cluster&gt;</c>: a cluster's risk score with each indicator and its evidence excerpts.</summary>
internal static class ShowCommand
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var cluster = new Argument<string>("cluster") { Description = "Cluster ID (from `netan clusters`)" };
        var redact = new Option<bool>("--redact") { Description = "Mask identifiers except their last 2-4 characters" };
        var evidence = new Option<int>("--evidence") { Description = "Evidence excerpts per indicator", DefaultValueFactory = _ => 3 }.AtLeast(0);
        var indicators = RiskOptions.Indicators();
        var command = new Command("show", "Show a cluster's risk indicators with evidence excerpts (a triage aid, not a verdict)");
        command.Arguments.Add(cluster);
        command.Options.Add(redact);
        command.Options.Add(evidence);
        command.Options.Add(indicators);
        command.SetAction((parse, ct) =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var set = RiskOptions.EnsureScores(store, parse.GetValue(indicators), ct);
            var id = parse.GetValue(cluster)!;
            var assessment = store.LoadAssessment(id, set.Sha256)
                ?? throw new CliError($"no cluster {LogText.Safe(id, 40)} in the case (see `netan clusters`)");
            CliAudit.Record(store, parse, global, "show", id, parse.GetValue(redact) ? "redacted" : null);
            var riskCluster = store.LoadRiskCluster(id);
            var ads = (riskCluster?.Ads ?? []).ToDictionary(a => a.Key, StringComparer.Ordinal);
            var phones = PhoneDetailsView.Of(store, riskCluster);
            PhoneDetailsView.NoteIfComputed(ctx, store);
            var options = new RiskExplanationOptions { Redact = parse.GetValue(redact) };
            var explanation = RiskExplainer.Explain(assessment, set, k => ads.GetValueOrDefault(k), options);
            var take = Math.Max(0, parse.GetValue(evidence));
            var structure = ShowStructure.Load(store, id, ct);
            if (parse.GetValue(global.Json))
            {
                var json = System.Text.Json.JsonSerializer.SerializeToNode(explanation with
                {
                    Indicators = explanation.Indicators.Select(i => i with { Excerpts = i.Excerpts.Take(take).ToList() }).ToList(),
                }, JsonOptions)!.AsObject();
                json["phones"] = PhoneDetailsView.ToJson(phones, options.Redact);
                json["structure"] = structure is null ? null : Reporting.Cases.ClusterStructureJson.Structure(structure, options.Redact);
                json["decisions"] = DecisionsView.ToJson(store.DecisionsForCluster(id), options.Redact);
                ctx.Out.WriteLine(json.ToJsonString());
                return Task.FromResult(ExitCodes.Success);
            }

            Render(ctx.Console, explanation, assessment.AdCount, take);
            DecisionsView.Render(ctx.Console, store.DecisionsForCluster(id), options.Redact);
            PhoneDetailsView.Render(ctx.Console, phones, options.Redact);
            if (structure is not null)
            {
                ShowStructure.Render(ctx.Console, structure, options.Redact);
            }

            RenderHistory(ctx.Console, store.AdHistory(id), parse.GetValue(redact));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Render(IAnsiConsole console, RiskExplanation e, int ads, int take)
    {
        console.MarkupLine($"[bold]Cluster {Markup.Escape(e.ClusterId)}[/]: {ads:N0} ads, risk [bold]{e.Score:0.0}[/] / 100" + (e.NeedsReview ? " [yellow](needs review)[/]" : ""));
        console.MarkupLineInterpolated($"[dim]{e.Caveat}[/]");
        console.MarkupLineInterpolated($"[dim]indicators sha256 {e.IndicatorSetSha256[..Math.Min(12, e.IndicatorSetSha256.Length)]}…[/]");
        if (e.Indicators.Count == 0)
        {
            console.WriteLine("No indicator fired.");
            return;
        }

        foreach (var i in e.Indicators)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]+{i.Points:0.0}[/] {i.Name} [dim](strength {i.Strength:0.00})[/]");
            var subjects = i.Subjects.Count > 0 ? ": " + string.Join(", ", i.Subjects) : "";
            console.MarkupLine("  " + Markup.Escape(LogText.Safe(i.Summary + subjects, 400)));
            if (i.Caution is { } caution)
            {
                console.MarkupLineInterpolated($"  [yellow]Caution: {caution}[/]");
            }

            console.MarkupLineInterpolated($"  [dim]source: {LogText.Safe(i.Source, 400)}[/]");
            foreach (var x in i.Excerpts.Take(take))
            {
                console.MarkupLine("  - " + Excerpt(x));
            }

            if (i.Excerpts.Count > take)
            {
                console.MarkupLineInterpolated($"  [dim]… {i.Excerpts.Count - take} more (use --evidence)[/]");
            }
        }
    }

    /// <summary>Re-crawls of the cluster's ads that changed content, with what changed (identifiers hidden when redacting).</summary>
    internal static void RenderHistory(IAnsiConsole console, IReadOnlyList<AdHistoryEntry> history, bool redact)
    {
        if (history.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]Re-crawl history[/] ({history.Count:N0} changed captures)");
        foreach (var h in history)
        {
            var changes = redact ? $"{h.Changes.Count} change(s) (redacted)" : string.Join("; ", h.Changes);
            console.MarkupLine($"  [dim]{Markup.Escape(LogText.Safe(h.AdKey, 80))} v{h.Version}[/] {Markup.Escape(LogText.Safe(changes, 400))} [dim]({Markup.Escape(LogText.Safe(Path.GetFileName(h.SourcePath), 80))})[/]");
        }
    }

    /// <summary>An excerpt as Spectre markup: ad text escaped, the evidence span highlighted.</summary>
    internal static string Excerpt(EvidenceExcerpt x)
    {
        string Safe(string s) => Markup.Escape(LogText.Safe(s, 400));
        var before = x.Text[..x.HighlightStart];
        var span = x.Text[x.HighlightStart..x.HighlightEnd];
        var after = x.Text[x.HighlightEnd..];
        var text = (x.TruncatedStart ? "…" : "") + Safe(before) + (span.Length > 0 ? "[reverse]" + Safe(span) + "[/]" : "") + Safe(after) + (x.TruncatedEnd ? "…" : "");
        return $"[dim]{Safe(x.AdKey)}[/] ({Safe(x.Note)}): {text}";
    }
}
