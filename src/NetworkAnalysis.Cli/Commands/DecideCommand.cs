using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan decide hub|never-hub|merge|split|not-same|undo</c>: an analyst corrects the clustering; every later analysis honours it.</summary>
/// <remarks>The store audits each decision and undo itself (action <c>decide</c> / <c>decide undo</c>), whichever host makes it.</remarks>
internal static class DecideCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("decide", "Correct the clustering: mark an identifier a hub or never-hub, merge or split clusters, keep two ads apart; `netan analyze` applies it");
        command.Subcommands.Add(Identifier(ctx, global, "hub", "Mark an identifier a hub: it never links ads, whatever its counts", (s, x, why, who) => s.DecideHub(x, why, who)));
        command.Subcommands.Add(Identifier(ctx, global, "never-hub", "Mark an identifier never a hub: it always links, whatever its counts", (s, x, why, who) => s.DecideNeverHub(x, why, who)));
        command.Subcommands.Add(Pair(ctx, global, "merge", "Merge two clusters into one network", "clusterA", "clusterB", "Cluster ID", (s, a, b, why, who) => s.DecideMerge(a, b, why, who)));
        command.Subcommands.Add(Pair(ctx, global, "not-same", "Declare two ads not the same poster's: they never share a cluster", "adA", "adB", "Ad key (site/id) or unique ID", (s, a, b, why, who) => s.DecideNotSame(a, b, why, who)));
        command.Subcommands.Add(Split(ctx, global));
        command.Subcommands.Add(Undo(ctx, global));
        return command;
    }

    private static Option<string> Why() => new Option<string>("--why") { Description = "Why (required): what the analyst knows that the ads do not", Required = true }.Kind(ValueKind.Text);

    private static Option<string?> By() => new Option<string?>("--by") { Description = "Who decides (default: --analyst, $NETAN_ANALYST, else the OS user)" }.Kind(ValueKind.Text);

    private static Command Identifier(CliContext ctx, GlobalOptions global, string name, string description, Func<CaseStore, string, string, string, AnalystDecision> decide)
    {
        var identifier = new Argument<string>("identifier") { Description = "A phone in any format, an e-mail, a handle, or type:value (as `netan hubs` shows it)" };
        var (why, by) = (Why(), By());
        var command = new Command(name, description);
        command.Arguments.Add(identifier);
        command.Options.Add(why);
        command.Options.Add(by);
        command.SetAction(parse => Run(ctx, global, parse, store => decide(store, parse.GetValue(identifier)!, parse.GetValue(why)!, Who(parse, global, by))));
        return command;
    }

    private static Command Pair(CliContext ctx, GlobalOptions global, string name, string description, string first, string second, string what,
        Func<CaseStore, string, string, string, string, AnalystDecision> decide)
    {
        var a = new Argument<string>(first) { Description = what };
        var b = new Argument<string>(second) { Description = what };
        var (why, by) = (Why(), By());
        var command = new Command(name, description);
        command.Arguments.Add(a);
        command.Arguments.Add(b);
        command.Options.Add(why);
        command.Options.Add(by);
        command.SetAction(parse => Run(ctx, global, parse, store => decide(store, parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(why)!, Who(parse, global, by))));
        return command;
    }

    private static Command Split(CliContext ctx, GlobalOptions global)
    {
        var cluster = new Argument<string>("cluster") { Description = "Cluster ID" };
        var sideA = new Option<string[]>("--side-a") { Description = "Ads (key or ID) or identifiers of one side, comma-separated or repeated", Required = true, AllowMultipleArgumentsPerToken = true }.Kind(ValueKind.Text);
        var sideB = new Option<string[]>("--side-b") { Description = "Ads or identifiers of the other side", Required = true, AllowMultipleArgumentsPerToken = true }.Kind(ValueKind.Text);
        var (why, by) = (Why(), By());
        var command = new Command("split", "Split a cluster: the ads chosen for each side (or the cluster's ads mentioning an identifier) never share a cluster again");
        command.Arguments.Add(cluster);
        command.Options.Add(sideA);
        command.Options.Add(sideB);
        command.Options.Add(why);
        command.Options.Add(by);
        command.SetAction(parse => Run(ctx, global, parse, store => store.DecideSplit(parse.GetValue(cluster)!, Items(parse.GetValue(sideA)), Items(parse.GetValue(sideB)),
            parse.GetValue(why)!, Who(parse, global, by))));
        return command;

        static string[] Items(string[]? values) => [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    private static Command Undo(CliContext ctx, GlobalOptions global)
    {
        var id = new Argument<long>("id") { Description = "Decision ID (from `netan decisions`)" };
        var by = By();
        var command = new Command("undo", "Undo a decision: later analyses no longer honour it (it stays listed as undone)");
        command.Arguments.Add(id);
        command.Options.Add(by);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var undone = store.UndoDecision(parse.GetValue(id), Who(parse, global, by));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { id = undone.Id, kind = undone.KindName, undone_at = undone.UndoneAt, undone_by = undone.UndoneBy }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLine(Markup.Escape(LogText.Safe($"Undid {undone.Describe()}. Run `netan analyze` to apply.", 1_000)));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Who(ParseResult parse, GlobalOptions global, Option<string?> by) =>
        parse.GetValue(by) is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : CliAudit.Actor(parse, global);

    private static int Run(CliContext ctx, GlobalOptions global, ParseResult parse, Func<CaseStore, AnalystDecision> decide)
    {
        using var store = CaseStore.Open(parse.GetValue(global.Case)!);
        var d = decide(store);
        if (parse.GetValue(global.Json))
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new
            {
                id = d.Id, kind = d.KindName, identifier = d.Identifier, clusters = d.Clusters, side_a = d.SideA, side_b = d.SideB,
                who = d.Who, at = d.At, why = d.Why, run = d.RunId,
            }));
        }
        else if (!parse.GetValue(global.Quiet))
        {
            ctx.Console.MarkupLine(Markup.Escape(LogText.Safe($"Recorded {d.Describe()}. Run `netan analyze` to apply it.", 1_000)));
        }

        return ExitCodes.Success;
    }
}
