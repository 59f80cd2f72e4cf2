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
        root.Options.Add(GlobalOptions.Case);
        root.Options.Add(GlobalOptions.Quiet);
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(CliAudit.Analyst);
        // One line per command; each command lives in its own file under Commands/.
        root.Subcommands.Add(DemoCommand.Create(ctx));
        root.Subcommands.Add(GenerateCommand.Create(ctx));
        root.Subcommands.Add(IngestCommand.Create(ctx));
        root.Subcommands.Add(ExtractCommand.Create(ctx));
        root.Subcommands.Add(AnalyzeCommand.Create(ctx));
        root.Subcommands.Add(ClustersCommand.Create(ctx));
        root.Subcommands.Add(ScoreCommand.Create(ctx));
        root.Subcommands.Add(ShowCommand.Create(ctx));
        root.Subcommands.Add(LookupCommand.Create(ctx));
        root.Subcommands.Add(EvaluateCommand.Create(ctx));
        root.Subcommands.Add(BenchCommand.Create(ctx));
        root.Subcommands.Add(DoctorCommand.Create(ctx));
        root.Subcommands.Add(AuditCommand.Create(ctx));
        root.Subcommands.Add(ServeCommand.Create(ctx));
        root.Subcommands.Add(HubsCommand.Create(ctx));
        root.Subcommands.Add(ExplainCommand.Create(ctx));
        root.Subcommands.Add(ReportCommand.Create(ctx));
        root.Subcommands.Add(ExportCommand.Create(ctx));
        root.Subcommands.Add(PushCommand.Create(ctx));
        root.Subcommands.Add(ChartCommand.Create(ctx));
        root.Subcommands.Add(ImageHashCommand.Create(ctx));
        return root;
    }

    private static readonly Lock BuildLock = new();

    public static async Task<int> RunAsync(string[] args, CliContext ctx, CancellationToken ct = default)
    {
        RootCommand root;
        ParseResult parse;
        // Commands share static option instances (GlobalOptions), whose parent lists are not thread-safe: in-process hosts
        // (tests, notebooks) may run several commands at once, so building and parsing are serialised.
        lock (BuildLock)
        {
            root = Build(ctx);
            parse = root.Parse(args);
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await ctx.Error.WriteLineAsync("netan: " + error.Message);
            }

            await ctx.Error.WriteLineAsync("Try 'netan --help'.");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (CliError ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + ex.Message);
            return ex.ExitCode;
        }
        catch (CaseStoreException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + ex.Message);
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
        catch (IOException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + ex.Message);
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            await ctx.Error.WriteLineAsync("netan: " + ex.Message);
            return ExitCodes.UsageOrInput;
        }
    }
}
