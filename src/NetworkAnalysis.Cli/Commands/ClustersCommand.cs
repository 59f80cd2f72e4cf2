using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan clusters</c>: lists clusters, or with <c>--members</c> every ad's cluster.</summary>
internal static class ClustersCommand
{
    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "table, json or csv",
        DefaultValueFactory = _ => "table",
    };

    public static Command Create(CliContext ctx)
    {
        Format.AcceptOnlyFromAmong("table", "json", "csv");
        var members = new Option<bool>("--members") { Description = "One ad_id,cluster_id row per ad, every ad included" };
        var top = new Option<int>("--top") { Description = "Show at most this many clusters (0 = all)", DefaultValueFactory = _ => 20 };
        var minSize = new Option<int>("--min-size") { Description = "Only clusters with at least this many ads", DefaultValueFactory = _ => 1 };
        var command = new Command("clusters", "List clusters, largest first");
        command.Options.Add(Format);
        command.Options.Add(members);
        command.Options.Add(top);
        command.Options.Add(minSize);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(GlobalOptions.Case)!);
            var format = parse.GetValue(GlobalOptions.Json) ? "json" : parse.GetValue(Format)!;
            if (parse.GetValue(members))
            {
                WriteMembers(ctx, store, format);
                return ExitCodes.Success;
            }

            var limit = parse.GetValue(top);
            var clusters = store.ListClusters(parse.GetValue(minSize), limit > 0 && format == "table" ? limit : null);
            if (store.Counts().Clusters == 0)
            {
                throw new CliError("the case has no clusters yet: run `netan analyze` first", ExitCodes.Failure);
            }

            switch (format)
            {
                case "json":
                    ctx.Out.WriteLine(JsonSerializer.Serialize(clusters.Select(c => new
                    {
                        id = c.Id, ads = c.Size, entities = c.Entities, phones = c.Phones, emails = c.Emails, cities = c.Cities,
                        first_seen = c.FirstSeen, last_seen = c.LastSeen,
                    })));
                    break;
                case "csv":
                    ctx.Out.WriteLine("cluster_id,ads,entities,phones,emails,cities,first_seen,last_seen");
                    foreach (var c in clusters)
                    {
                        ctx.Out.WriteLine(string.Join(',', CsvCell.Escape(c.Id), c.Size, c.Entities, c.Phones, c.Emails,
                            CsvCell.Escape(string.Join(';', c.Cities)), CsvCell.Escape(c.FirstSeen), CsvCell.Escape(c.LastSeen)));
                    }

                    break;
                default:
                    ctx.Console.Write(Table(clusters));
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The cluster table shown by <c>clusters</c> and <c>demo</c>.</summary>
    public static Table Table(IEnumerable<ClusterSummary> clusters)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Cluster").AddColumn(new TableColumn("Ads").RightAligned()).AddColumn(new TableColumn("Entities").RightAligned())
            .AddColumn(new TableColumn("Phones").RightAligned()).AddColumn("Cities").AddColumn("First seen").AddColumn("Last seen");
        foreach (var c in clusters)
        {
            var cities = string.Join(", ", c.Cities.Take(4)) + (c.Cities.Count > 4 ? $" +{c.Cities.Count - 4}" : "");
            table.AddRow(Markup.Escape(c.Id), c.Size.ToString("N0"), c.Entities.ToString("N0"), c.Phones.ToString("N0"),
                Markup.Escape(LogText.Safe(cities, 60)), Markup.Escape(c.FirstSeen?[..10] ?? "-"), Markup.Escape(c.LastSeen?[..10] ?? "-"));
        }

        return table;
    }

    private static void WriteMembers(CliContext ctx, CaseStore store, string format)
    {
        var rows = store.Memberships().ToList();
        var idCounts = rows.GroupBy(r => r.AdId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // The input's id is what other tools know; it is only ambiguous when two sites reuse it, then the key is used.
        string Name((string AdKey, string AdId, string? ClusterId) r) => idCounts[r.AdId] > 1 ? r.AdKey : r.AdId;
        if (rows.Any(r => r.ClusterId is null))
        {
            throw new CliError("some ads have no cluster yet: run `netan analyze` first", ExitCodes.Failure);
        }

        if (format == "json")
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { ad_id = Name(r), cluster_id = r.ClusterId })));
            return;
        }

        // A table of a million rows helps nobody: --members prints CSV unless JSON is asked for.
        ctx.Out.WriteLine("ad_id,cluster_id");
        foreach (var r in rows)
        {
            ctx.Out.Write(CsvCell.Escape(Name(r)));
            ctx.Out.Write(',');
            ctx.Out.WriteLine(CsvCell.Escape(r.ClusterId));
        }
    }
}
