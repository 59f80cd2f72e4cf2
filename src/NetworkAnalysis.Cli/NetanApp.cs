using System.CommandLine;
using NetworkAnalysis.Cli.Commands;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli;

/// <summary>Builds the <c>netan</c> command tree and runs it with the exit-code and error conventions.</summary>
internal static class NetanApp
{
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("netan: link classified ads into poster networks, score them and report on them.");
        // A fresh set per tree: option instances are never shared between trees (see GlobalOptions), so trees can be
        // built and parsed concurrently without a lock.
        var global = new GlobalOptions();
        global.AddTo(root);
        // One line per command; each command lives in its own file under Commands/.
        root.Subcommands.Add(DemoCommand.Create(ctx, global));
        root.Subcommands.Add(GenerateCommand.Create(ctx, global));
        root.Subcommands.Add(IngestCommand.Create(ctx, global));
        root.Subcommands.Add(ProfileCommand.Create(ctx, global));
        root.Subcommands.Add(ExtractCommand.Create(ctx));
        root.Subcommands.Add(AnalyzeCommand.Create(ctx, global));
        root.Subcommands.Add(ClustersCommand.Create(ctx, global));
        root.Subcommands.Add(ScoreCommand.Create(ctx, global));
        root.Subcommands.Add(ShowCommand.Create(ctx, global));
        root.Subcommands.Add(LookupCommand.Create(ctx, global));
        root.Subcommands.Add(EvaluateCommand.Create(ctx, global));
        root.Subcommands.Add(BenchCommand.Create(ctx, global));
        root.Subcommands.Add(DoctorCommand.Create(ctx, global));
        root.Subcommands.Add(AuditCommand.Create(ctx, global));
        root.Subcommands.Add(ServeCommand.Create(ctx, global));
        root.Subcommands.Add(HubsCommand.Create(ctx, global));
        root.Subcommands.Add(ExplainCommand.Create(ctx, global));
        root.Subcommands.Add(ReportCommand.Create(ctx, global));
        root.Subcommands.Add(ExportCommand.Create(ctx, global));
        root.Subcommands.Add(PushCommand.Create(ctx, global));
        root.Subcommands.Add(ChartCommand.Create(ctx, global));
        root.Subcommands.Add(ImageHashCommand.Create(ctx));
        root.Subcommands.Add(DecideCommand.Create(ctx, global));
        root.Subcommands.Add(DecisionsCommand.Create(ctx, global));
        root.Subcommands.Add(CaseCommand.Create(ctx, global));
        root.Subcommands.Add(UsersCommand.Create(ctx, global));
        return root;
    }

    /// <summary>How the tree parses: no response files, so an argument may start with '@' (social handles).</summary>
    public static ParserConfiguration ParserConfiguration() => new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        ctx = ctx.TerminalSafe();
        var parse = Build(ctx).Parse(args, ParserConfiguration());
        if (parse.Errors.Count > 0)
        {
            // One line, whatever went wrong and however many things did: each error names its option or argument.
            var messages = parse.Errors.Select(ErrorText).Distinct(StringComparer.Ordinal).ToList();
            var command = parse.CommandResult.Command is RootCommand ? "netan" : "netan " + CommandPath(parse.CommandResult);
            await ctx.Error.WriteLineAsync($"netan: {string.Join("; ", messages)} (see `{command} --help`)");
            return ExitCodes.UsageOrInput;
        }

        if (PostgresCommands.Refusal(parse, CommandPath(parse.CommandResult)) is { } refusal)
        {
            await ctx.Error.WriteLineAsync("netan: " + refusal);
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (CliError ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + OneLine(ex.Message));
            return ex.ExitCode;
        }
        catch (CaseStoreException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + OneLine(ex.Message));
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            await ctx.Error.WriteLineAsync("netan: cancelled; committed work is kept and the next run resumes it");
            return ExitCodes.Failure;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // Never a stack trace: a full disk or a damaged file gets one line and the way forward.
            await ctx.Error.WriteLineAsync("netan: " + (ex.SqliteErrorCode == 13
                ? $"the disk holding the case file is full ({ex.Message}); committed work is kept: free space and run again"
                : $"case file error: {ex.Message} (run `netan doctor`)"));
            return ExitCodes.Failure;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // A PostgreSQL case's server failed mid-command (the locator, and so any password, is never in the message).
            await ctx.Error.WriteLineAsync("netan: PostgreSQL error: " + OneLine(ex is Npgsql.PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : ex.Message) + "; nothing of this command was committed there");
            return ExitCodes.Failure;
        }
        catch (IOException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + OneLine(ex.Message));
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + OneLine(ex.Message));
            return ExitCodes.UsageOrInput;
        }
#pragma warning disable CA1031 // The last resort of a CLI: one line instead of a stack trace, whatever was thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await ctx.Error.WriteLineAsync($"netan: internal error ({ex.GetType().Name}): {OneLine(ex.Message)}; please report it with the command line that caused it");
            return ExitCodes.Failure;
        }
    }

    /// <summary>A parse error as one line, prefixed with the option or argument it concerns unless it already names it.</summary>
    private static string ErrorText(System.CommandLine.Parsing.ParseError error)
    {
        var message = OneLine(error.Message);
        var name = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => o.Option.Name,
            System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult o } => o.Option.Name,
            _ => null,
        };
        return name is null || message.Contains(name, StringComparison.Ordinal)
            ? message
            : name + ": " + message;
    }

    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is System.CommandLine.Parsing.CommandResult c && c.Command is not RootCommand; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>Collapses line breaks and tabs (System.CommandLine lists choices on separate lines) and strips control characters.</summary>
    internal static string OneLine(string text) =>
        LogText.Safe(System.Text.RegularExpressions.Regex.Replace(text, @"\s*[\r\n\t]+\s*", " ").Trim(), 600);
}
