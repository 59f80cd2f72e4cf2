using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan hubs</c>: lists the generic identifiers (hubs) the analysis judged to inform but never merge clusters, with the reason.</summary>
/// <remarks>Reads the verdicts `netan analyze` stored; other thresholds need a new analysis (<c>netan analyze --max-groups N --max-ads N</c>).</remarks>
internal static class HubsCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var top = new Option<int>("--top") { Description = "Show at most this many hubs (0 = all)", DefaultValueFactory = _ => 50 }.AtLeast(0);
        var command = new Command("hubs", "List the hub identifiers (booking lines, stock photos, agency e-mails) the analysis found, and why they are hubs");
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            CliAudit.Record(store, parse, global, "hubs", store.Path);
            var analysis = store.LoadAnalysis() ?? throw new CliError("the case has no clusters yet: run `netan analyze` first", ExitCodes.Failure);
            var thresholds = analysis.Options.Hubs;
            var limit = parse.GetValue(top);
            var hubs = limit > 0 ? analysis.Hubs.Take(limit).ToList() : analysis.Hubs;
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(hubs.Select(h => new
                {
                    type = h.Type.ToName(), value = h.Value, ads = h.Ads, groups = h.GroupsJoined, reason = h.ReasonName, explanation = analysis.Explain(h),
                })));
                return ExitCodes.Success;
            }

            if (analysis.Hubs.Count == 0)
            {
                ctx.Console.MarkupLineInterpolated($"No hubs at --max-groups {thresholds.MaxGroups:N0} --max-ads {thresholds.MaxAdDegree:N0}: every identifier stays within its own group.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Type").AddColumn("Value")
                .AddColumn(new TableColumn("Ads").RightAligned()).AddColumn(new TableColumn("Groups").RightAligned()).AddColumn("Why");
            foreach (var h in hubs)
            {
                table.AddRow(h.Type.ToName(), Markup.Escape(LogText.Safe(h.Value, 80)), h.Ads.ToString("N0"), h.GroupsJoined.ToString("N0"),
                    Markup.Escape(h.Reason switch
                    {
                        Core.Graphs.HubReason.TooManyAds => $"more than {thresholds.MaxAdDegree:N0} ads",
                        Core.Graphs.HubReason.Decided => "an analyst decided it (`netan decisions`)",
                        _ => $"joins more than {thresholds.MaxGroups:N0} separate groups",
                    }));
            }

            ctx.Console.Write(table);
            ctx.Console.MarkupLineInterpolated($"{analysis.Hubs.Count:N0} hub(s) at --max-groups {thresholds.MaxGroups:N0} --max-ads {thresholds.MaxAdDegree:N0} (analysis run {analysis.RunId}); they are shown as evidence but never merge clusters. Other thresholds: `netan analyze --max-groups N --max-ads N`.");
            return ExitCodes.Success;
        });
        return command;
    }
}
