using System.CommandLine;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Reporting.Neo4j;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan push neo4j --url U --user N --database D</c>: idempotent batched MERGEs through Neo4j's HTTP Query API.</summary>
internal static class PushCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var url = new Option<Uri>("--url") { Description = "Neo4j HTTP endpoint, e.g. http://localhost:7474", Required = true };
        var user = new Option<string>("--user") { Description = "User name (the password is read from NEO4J_PASSWORD)", DefaultValueFactory = _ => "neo4j" };
        var database = new Option<string>("--database") { Description = "Database name", DefaultValueFactory = _ => "neo4j" };
        var cluster = new Option<string?>("--cluster") { Description = "Push only this cluster" };
        var batch = new Option<int>("--batch-size") { Description = "Rows per request", DefaultValueFactory = _ => 500 };
        var neo4j = new Command("neo4j", "Push the case graph into Neo4j (safe to repeat: MERGE only)");
        foreach (var o in new Option[] { url, user, database, cluster, batch })
        {
            neo4j.Options.Add(o);
        }

        neo4j.SetAction(async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("NEO4J_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                throw new CliError("set NEO4J_PASSWORD in the environment (passwords are never taken on the command line)");
            }

            if (parse.GetValue(batch) < 1)
            {
                throw new CliError("--batch-size must be at least 1");
            }

            using var reader = new CaseReportReader(parse.GetValue(global.Case)!);
            var graph = reader.LoadGraph(parse.GetValue(cluster), loadImages: false, ct);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var connection = new Neo4jConnection(parse.GetValue(url)!, parse.GetValue(database)!, parse.GetValue(user)!, password);
            var result = await new Neo4jGraphPusher(new Neo4jQueryClient(http, connection), parse.GetValue(batch)).PushAsync(graph, ct);
            using (var store = CaseStore.Open(parse.GetValue(global.Case)!))
            {
                CliAudit.Record(store, parse, global, "push neo4j", parse.GetValue(cluster) ?? "(all)", $"{LogText.Safe(parse.GetValue(url)!.ToString(), 200)} database {LogText.Safe(parse.GetValue(database)!, 80)}: {(result.Success ? "ok" : "failed")}");
            }

            if (!result.Success)
            {
                await ctx.Error.WriteLineAsync("netan: push failed: " + LogText.Safe(result.Error ?? "", 300));
                return ExitCodes.Failure;
            }

            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine($"Pushed {result.Rows} rows in {result.Batches} requests ({result.Retries} retries) to {connection.QueryUri}.");
            }

            return ExitCodes.Success;
        });
        var command = new Command("push", "Push the case graph to another system");
        command.Subcommands.Add(neo4j);
        return command;
    }
}
