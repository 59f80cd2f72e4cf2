using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan audit verify|show</c>: checks the case's hash-chained audit log, or lists it.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("audit", "The case's audit log: who ingested, analysed, exported, reported or viewed what, and when");
        command.Subcommands.Add(Verify(ctx, global));
        command.Subcommands.Add(Show(ctx, global));
        return command;
    }

    private static Command Verify(CliContext ctx, GlobalOptions global)
    {
        var head = new Option<string?>("--head") { Description = "A head hash written down earlier: it must still be in the chain (detects entries removed from the end)" }.Kind(ValueKind.Text);
        var command = new Command("verify", "Recompute the hash chain; exit 1 and name the first broken entry if anything was altered, removed or reordered");
        command.Options.Add(head);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var result = store.VerifyAudit(parse.GetValue(head));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    intact = result.IsIntact,
                    entries = result.Entries,
                    head = result.HeadHash,
                    first_broken = result.FirstBrokenSequence,
                    problem = result.Problem,
                }));
            }
            else if (result.IsIntact)
            {
                ctx.Console.MarkupLineInterpolated($"Audit chain intact: [bold]{result.Entries:N0}[/] entries. Head: {result.HeadHash ?? "(empty log)"}");
            }
            else
            {
                ctx.Error.WriteLine($"netan: audit chain BROKEN at entry {result.FirstBrokenSequence}: {LogText.Safe(result.Problem!)}");
            }

            return result.IsIntact ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static Command Show(CliContext ctx, GlobalOptions global)
    {
        var last = new Option<int>("--last", "-n") { Description = "Show only the last N entries (0 = all)", DefaultValueFactory = _ => 50 }.AtLeast(0);
        var command = new Command("show", "List the audit log, oldest first");
        command.Options.Add(last);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var n = parse.GetValue(last);
            var entries = store.ReadAudit(n > 0 ? n : null);
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
                {
                    seq = e.Sequence,
                    at = e.At,
                    actor = e.Actor,
                    action = e.Action,
                    target = e.Target,
                    details = e.Details,
                    prev_hash = e.PreviousHash,
                    hash = e.Hash,
                })));
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("When (UTC)").AddColumn("Who").AddColumn("Action").AddColumn("Target").AddColumn("Hash");
            foreach (var e in entries)
            {
                table.AddRow(e.Sequence.ToString("N0"), Markup.Escape(e.At), Markup.Escape(LogText.Safe(e.Actor, 40)), Markup.Escape(LogText.Safe(e.Action, 20)),
                    Markup.Escape(LogText.Safe(e.Target, 80)), Markup.Escape(e.Hash[..12] + "…"));
            }

            ctx.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
