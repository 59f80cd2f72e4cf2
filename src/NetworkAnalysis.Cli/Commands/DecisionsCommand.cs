using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan decisions [export FILE | import FILE]</c>: every analyst decision of the case, standing and undone; to and from a decisions file.</summary>
internal static class DecisionsCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var standing = new Option<bool>("--standing") { Description = "Only decisions not undone" };
        var command = new Command("decisions", "List analysts' corrections (hub, never-hub, merge, split, not-same): who, when, why, and whether undone");
        command.Options.Add(standing);
        command.Subcommands.Add(Export(ctx, global));
        command.Subcommands.Add(Import(ctx, global));
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

    private static Command Export(CliContext ctx, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "The decisions file to write (JSON, format netan-decisions version 1)" }.Kind(ValueKind.OutputFile, "FILE");
        var force = new Option<bool>("--force") { Description = "Replace an existing file" };
        var command = new Command("export", "Write every decision of the case (undone ones too) to a JSON file another case can import: by identifier and ad keys, with who, when, why");
        command.Arguments.Add(file);
        command.Options.Add(force);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var replace = parse.GetValue(force);
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            SafeOutput.CheckFile(path, replace);
            var count = 0;
            await SafeOutput.WriteFileAsync(path, replace, temp =>
            {
                using var stream = File.Create(temp);
                count = store.ExportDecisions(stream);
                return Task.CompletedTask;
            });
            CliAudit.Record(store, parse, global, "decisions export", Path.GetFullPath(path), string.Create(CultureInfo.InvariantCulture, $"{count} decisions"));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { file = Path.GetFullPath(path), decisions = count }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLine(Markup.Escape(LogText.Safe(string.Create(CultureInfo.InvariantCulture,
                    $"Wrote {count} decision{(count == 1 ? "" : "s")} to {path}; `netan decisions import {Path.GetFileName(path)}` takes {(count == 1 ? "it" : "them")} into another case."), 1_000)));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(CliContext ctx, GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "A decisions file written by `netan decisions export`" }.Kind(ValueKind.InputFile, "FILE");
        var command = new Command("import", "Take the decisions of a decisions file into this case, checked as `decide` checks them (a bad or conflicting one is skipped and named); importing again adds nothing; then run `netan analyze`");
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var result = store.ImportDecisions(parse.GetValue(file)!, CliAudit.Actor(parse, global));
            foreach (var skip in result.Skipped)
            {
                ctx.Error.WriteLine("netan: " + LogText.Safe(Path.GetFileName(parse.GetValue(file)!) + ": " + skip.Describe(), 1_000));
            }

            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    from_case = result.SourceCase,
                    imported = result.Imported.Select(d => d.Id),
                    already_present = result.AlreadyPresent.Select(d => d.Id),
                    undone = result.UndoneNow.Select(d => d.Id),
                    skipped = result.Skipped.Select(s => new { index = s.Index, source_id = s.SourceId, field = s.Field, reason = s.Reason }),
                }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"Imported {result.Imported.Count} decision{(result.Imported.Count == 1 ? "" : "s")} ({result.AlreadyPresent.Count} already in the case, {result.UndoneNow.Count} undone as in the file, {result.Skipped.Count} skipped).");
                var changed = result.Imported.Count + result.UndoneNow.Count;
                var then = changed == 0 ? "" : changed == 1 ? " Run `netan analyze` to apply it." : " Run `netan analyze` to apply them.";
                ctx.Console.MarkupLine(Markup.Escape(LogText.Safe(line + then, 1_000)));
            }

            return result.Skipped.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static string Safe(string text, int max) => Markup.Escape(LogText.Safe(text, max));
}
