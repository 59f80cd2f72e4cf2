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
        var url = OptionKinds.UrlOption("--url", "Neo4j HTTP endpoint, e.g. http://localhost:7474");
        url.Required = true;
        var user = new Option<string>("--user") { Description = "User name (the password is read from NEO4J_PASSWORD)", DefaultValueFactory = _ => "neo4j" }.Kind(ValueKind.Text);
        var database = new Option<string>("--database") { Description = "Database name", DefaultValueFactory = _ => "neo4j" }.Kind(ValueKind.Text);
        var cluster = new Option<string?>("--cluster") { Description = "Push only this cluster" }.Kind(ValueKind.Text);
        var batch = new Option<int>("--batch-size") { Description = "Rows per request", DefaultValueFactory = _ => 500 }.AtLeast(1);
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

            var casePath = parse.GetValue(global.Case)!;
            var only = parse.GetValue(cluster);
            using var reader = new CaseReportReader(casePath);
            if (only is not null && !reader.ClusterExists(only))
            {
                throw new CliError($"no cluster {LogText.Safe(only, 40)} in the case (see `netan clusters`)");
            }

            var graph = reader.LoadGraph(only, loadImages: false, ct);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var connection = new Neo4jConnection(parse.GetValue(url)!, parse.GetValue(database)!, parse.GetValue(user)!, password);
            var result = await new Neo4jGraphPusher(new Neo4jQueryClient(http, connection), parse.GetValue(batch)).PushAsync(graph, ct);
            using (var store = CaseStore.Open(casePath))
            {
                CliAudit.Record(store, parse, global, "push neo4j", only ?? "(all)",
                    $"{LogText.Safe(connection.QueryUri.ToString(), 200)}: {(result.Success ? "ok" : "failed")}, {result.Batches} of {result.PlannedBatches} requests committed");
            }

            if (!result.Success)
            {
                // Each request is its own transaction: say exactly how far the push got, and that repeating it is safe.
                await ctx.Error.WriteLineAsync($"netan: push to {LogText.Safe(connection.QueryUri.ToString(), 200)} failed after {result.Batches} of {result.PlannedBatches} requests "
                    + $"were committed ({result.Rows:N0} rows): {NetanApp.OneLine(result.Error ?? "")}; the database holds a partial graph until the push is repeated (MERGE only, safe to repeat)");
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
