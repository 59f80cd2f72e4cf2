using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan hubs</c>: lists generic identifiers (hubs) that inform but never merge clusters, with the reason.</summary>
internal static class HubsCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var defaults = new HubOptions();
        var maxGroups = new Option<int>("--max-groups") { Description = "Hub when shared by more than this many otherwise-separate groups (default: what the current clustering used, else 10)", DefaultValueFactory = _ => defaults.MaxGroups };
        var maxAds = new Option<int>("--max-ads") { Description = "Hub when mentioned by more than this many ads (default: what the current clustering used, else 1,000)", DefaultValueFactory = _ => defaults.MaxAdDegree };
        var top = new Option<int>("--top") { Description = "Show at most this many hubs (0 = all)", DefaultValueFactory = _ => 50 };
        var command = new Command("hubs", "List hub identifiers (booking lines, stock photos, agency e-mails) and why they are hubs");
        command.Options.Add(maxGroups);
        command.Options.Add(maxAds);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            CliAudit.Record(store, parse, global, "hubs", store.Path);
            // Unless given, the thresholds are those of the analysis that made the current clusters, so the list
            // matches the hubs the clusters and the risk scores were computed with.
            var used = ClusteringThresholds(store.ClusteringRunParameters());
            var options = new HubOptions
            {
                MaxGroups = parse.GetResult(maxGroups) is { Implicit: false } || used is null ? parse.GetValue(maxGroups) : used.Value.MaxGroups,
                MaxAdDegree = parse.GetResult(maxAds) is { Implicit: false } || used is null ? parse.GetValue(maxAds) : used.Value.MaxAds,
            };
            if (options.MaxGroups < 0 || options.MaxAdDegree < 1)
            {
                throw new CliError("--max-groups must be >= 0 and --max-ads >= 1");
            }

            var snapshot = store.LoadSnapshot();
            var report = HubDetector.Detect(BipartiteGraph.Build(snapshot.Incidence), options);
            var limit = parse.GetValue(top);
            var hubs = limit > 0 ? report.Hubs.Take(limit).ToList() : report.Hubs;
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(hubs.Select(h => new
                {
                    type = h.Type.ToName(), value = h.Value, ads = h.AdCount, groups = h.GroupsJoined,
                    reason = h.Reason == HubReason.TooManyAds ? "too_many_ads" : "too_many_groups", explanation = h.Explain(options),
                })));
                return ExitCodes.Success;
            }

            if (report.Hubs.Count == 0)
            {
                ctx.Console.MarkupLine("No hubs: every identifier stays within its own group.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Type").AddColumn("Value")
                .AddColumn(new TableColumn("Ads").RightAligned()).AddColumn(new TableColumn("Groups").RightAligned()).AddColumn("Why");
            foreach (var h in hubs)
            {
                table.AddRow(h.Type.ToName(), Markup.Escape(LogText.Safe(h.Value, 80)), h.AdCount.ToString("N0"), h.GroupsJoined.ToString("N0"),
                    Markup.Escape(h.Reason == HubReason.TooManyAds ? $"more than {options.MaxAdDegree:N0} ads" : $"joins more than {options.MaxGroups:N0} separate groups"));
            }

            ctx.Console.Write(table);
            ctx.Console.MarkupLineInterpolated($"{report.Hubs.Count:N0} hub(s) at --max-groups {options.MaxGroups:N0} --max-ads {options.MaxAdDegree:N0}; they are shown as evidence but never merge clusters.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>max_groups and max_ads recorded by the analyze run that made the current clusters, or null.</summary>
    private static (int MaxGroups, int MaxAds)? ClusteringThresholds(string? parametersJson)
    {
        if (parametersJson is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(parametersJson);
        var root = doc.RootElement;
        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("max_groups", out var groups) && groups.TryGetInt32(out var g)
            && root.TryGetProperty("max_ads", out var ads) && ads.TryGetInt32(out var a)
            ? (g, a)
            : null;
    }
}
