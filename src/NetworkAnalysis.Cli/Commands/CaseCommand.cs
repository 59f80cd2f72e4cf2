using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan case copy|hash</c>: a case between stores (a case file, a PostgreSQL server), verified by content hash.</summary>
internal static class CaseCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("case", "A case between stores: copy a case file to a PostgreSQL server and back, verified by content hash");
        command.Subcommands.Add(CopyCommand(ctx, global));
        command.Subcommands.Add(HashCommand(ctx, global));
        return command;
    }

    private static Command CopyCommand(CliContext ctx, GlobalOptions global)
    {
        var from = new Argument<string>("from") { Description = "The case to copy: a case file or postgresql://user@host[:port]/database[?schema=name] (password from PGPASSWORD or ~/.pgpass)" }.Kind(ValueKind.CaseLocator, "FROM");
        var to = new Argument<string>("to") { Description = "Where to: a new case file, or a PostgreSQL schema without tables" }.Kind(ValueKind.CaseLocator, "TO");
        var force = new Option<bool>("--force") { Description = "Replace an existing target case file, or the tables already in the target schema" };
        var command = new Command("copy", "Copy a case: case file to PostgreSQL, PostgreSQL to a new case file, or file to file; both content hashes are printed and must agree (exit 1 otherwise, and no target is left)");
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(from)!;
            var target = parse.GetValue(to)!;
            var quiet = parse.GetValue(global.Quiet) || parse.GetValue(global.Json);
            var shownTarget = Shown(target);
            var result = CaseCopier.Copy(source, target, parse.GetValue(force),
                beforeCopy: () => Audit(source, parse, global, shownTarget),
                progress: quiet ? null : line => ctx.Error.WriteLine("netan: copied " + line));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    from = result.From,
                    to = result.To,
                    source_hash = result.SourceHash,
                    target_hash = result.TargetHash,
                    verified = result.Verified,
                    tables = result.Tables,
                    rows = result.Rows,
                    seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                }));
            }
            else
            {
                ctx.Out.WriteLine($"source hash  {result.SourceHash}  {LogText.Safe(result.From, 300)}");
                ctx.Out.WriteLine($"target hash  {result.TargetHash}  {LogText.Safe(result.To, 300)}");
                if (result.Verified)
                {
                    ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied {result.Tables} tables, {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:0.0} s; the hashes agree."));
                }
            }

            if (!result.Verified)
            {
                ctx.Error.WriteLine("netan: the copy's content hash differs from the source's: the target was not kept");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command HashCommand(CliContext ctx, GlobalOptions global)
    {
        var location = new Argument<string?>("case") { Description = "A case file or postgresql:// locator (default: --case)", Arity = ArgumentArity.ZeroOrOne }.Kind(ValueKind.CaseLocator, "case");
        var command = new Command("hash", "Print a case's content hash: SHA-256 over every table's rows in primary-key order, equal for a case and its copy in another store");
        command.Arguments.Add(location);
        command.SetAction(parse =>
        {
            var value = parse.GetValue(location) ?? parse.GetValue(global.Case)!;
            var hash = CaseContentHash.Compute(value);
            ctx.Out.WriteLine(parse.GetValue(global.Json)
                ? JsonSerializer.Serialize(new { @case = Shown(value), hash })
                : $"{hash}  {LogText.Safe(Shown(value), 300)}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The entry goes into the source before it is read, so it is part of the copy and both hashes cover it.</summary>
    private static void Audit(string source, ParseResult parse, GlobalOptions global, string shownTarget)
    {
        if (PostgresCaseLocator.IsLocator(source))
        {
            PostgresCaseAudit.Append(PostgresCaseLocator.Parse(source), CliAudit.Actor(parse, global), "case copy", shownTarget);
            return;
        }

        using var store = CaseStore.Open(source);
        CliAudit.Record(store, parse, global, "case copy", shownTarget);
    }

    private static string Shown(string location) =>
        PostgresCaseLocator.IsLocator(location) ? PostgresCaseLocator.Parse(location).ToString() : Path.GetFullPath(location);
}
