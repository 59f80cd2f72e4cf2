using System.CommandLine;
using NetworkAnalysis.Cli.Commands;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli;

/// <summary>Builds the <c>netan</c> command tree and runs it with the exit-code and error conventions.</summary>
internal static class NetanApp
{
    /// <summary>Every command by its name, in the order <c>netan --help</c> lists them; one line each, each in its own file
    /// under Commands/.</summary>
    internal static readonly (string Name, Func<CliContext, GlobalOptions, Command> Create)[] Commands =
    [
        ("demo", (c, g) => DemoCommand.Create(c, g)),
        ("generate", (c, g) => GenerateCommand.Create(c, g)),
        ("ingest", (c, g) => IngestCommand.Create(c, g)),
        ("profile", (c, g) => ProfileCommand.Create(c, g)),
        ("extract", (c, g) => ExtractCommand.Create(c)),
        ("analyze", (c, g) => AnalyzeCommand.Create(c, g)),
        ("clusters", (c, g) => ClustersCommand.Create(c, g)),
        ("score", (c, g) => ScoreCommand.Create(c, g)),
        ("show", (c, g) => ShowCommand.Create(c, g)),
        ("lookup", (c, g) => LookupCommand.Create(c, g)),
        ("evaluate", (c, g) => EvaluateCommand.Create(c, g)),
        ("bench", (c, g) => BenchCommand.Create(c, g)),
        ("doctor", (c, g) => DoctorCommand.Create(c, g)),
        ("audit", (c, g) => AuditCommand.Create(c, g)),
        ("serve", (c, g) => ServeCommand.Create(c, g)),
        ("hubs", (c, g) => HubsCommand.Create(c, g)),
        ("explain", (c, g) => ExplainCommand.Create(c, g)),
        ("report", (c, g) => ReportCommand.Create(c, g)),
        ("export", (c, g) => ExportCommand.Create(c, g)),
        ("push", (c, g) => PushCommand.Create(c, g)),
        ("chart", (c, g) => ChartCommand.Create(c, g)),
        ("image-hash", (c, g) => ImageHashCommand.Create(c)),
        ("decide", (c, g) => DecideCommand.Create(c, g)),
        ("decisions", (c, g) => DecisionsCommand.Create(c, g)),
        ("case", (c, g) => CaseCommand.Create(c, g)),
        ("users", (c, g) => UsersCommand.Create(c, g)),
    ];

    public static RootCommand Build(CliContext ctx) => Build(ctx, null);

    /// <summary>The command tree; with <paramref name="only"/> the name of a command, the root holds that command alone.</summary>
    /// <remarks>
    /// Issue #21: tiered compilation is off for netan, so every method runs optimised from its first call, and building all
    /// 26 commands' options (and parsing against them) was ~10 % of the CPU of a 200-ad ingest. A command line that starts
    /// with a command's name parses the same against the root with that command alone (its options, the global ones, its
    /// subcommands); anything else (help, an unknown word, an option first) gets the whole tree as before.
    /// </remarks>
    internal static RootCommand Build(CliContext ctx, string? only)
    {
        var root = new RootCommand("netan: link classified ads into poster networks, score them and report on them.");
        // A fresh set per tree: option instances are never shared between trees (see GlobalOptions), so trees can be
        // built and parsed concurrently without a lock.
        var global = new GlobalOptions();
        global.AddTo(root);
        var single = only is not null && Array.Exists(Commands, c => string.Equals(c.Name, only, StringComparison.Ordinal));
        foreach (var (name, create) in Commands)
        {
            if (!single || string.Equals(name, only, StringComparison.Ordinal))
            {
                root.Subcommands.Add(create(ctx, global));
            }
        }

        return root;
    }

    /// <summary>How the tree parses: no response files, so an argument may start with '@' (social handles).</summary>
    public static ParserConfiguration ParserConfiguration() => new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        ctx = ctx.TerminalSafe();
        var parse = Build(ctx, args.Length > 0 ? args[0] : null).Parse(args, ParserConfiguration());
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
