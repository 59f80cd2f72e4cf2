using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan decisions</c>: every analyst decision of the case, standing and undone.</summary>
internal static class DecisionsCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var standing = new Option<bool>("--standing") { Description = "Only decisions not undone" };
        var command = new Command("decisions", "List analysts' corrections (hub, never-hub, merge, split, not-same): who, when, why, and whether undone");
        command.Options.Add(standing);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            CliAudit.Record(store, parse, global, "decisions", store.Path);
            var list = store.ListDecisions(includeUndone: !parse.GetValue(standing));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(list.Select(d => new
                {
                    id = d.Id, kind = d.KindName, identifier = d.Identifier, clusters = d.Clusters, side_a = d.SideA, side_b = d.SideB,
                    who = d.Who, at = d.At, why = d.Why, run = d.RunId, undone_at = d.UndoneAt, undone_by = d.UndoneBy,
                })));
                return ExitCodes.Success;
            }

            if (list.Count == 0)
            {
                ctx.Console.MarkupLine("No decisions in this case (`netan decide --help` says how to make one).");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("ID").RightAligned()).AddColumn("Decision").AddColumn("Who")
                .AddColumn("When").AddColumn("Why").AddColumn(new TableColumn("Run").RightAligned()).AddColumn("Status");
            foreach (var d in list)
            {
                table.AddRow(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Safe(d.Subject, 200), Safe(d.Who, 80), Safe(d.At, 40), Safe(d.Why, 300),
                    d.RunId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    d.IsActive ? "standing" : Safe($"undone by {d.UndoneBy} {d.UndoneAt}", 120));
            }

            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Safe(string text, int max) => Markup.Escape(LogText.Safe(text, max));
}
