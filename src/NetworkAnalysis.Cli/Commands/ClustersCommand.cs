using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;
using SafeCsv = NetworkAnalysis.Reporting.Text.SafeCsv;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan clusters</c>: lists clusters, or with <c>--members</c> every ad's cluster.</summary>
internal static class ClustersCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "table, json or csv",
            DefaultValueFactory = _ => "table",
        };
        formatOption.AcceptOnlyFromAmong("table", "json", "csv");
        var members = new Option<bool>("--members") { Description = "One ad_id,cluster_id row per ad, every ad included" };
        var top = new Option<int>("--top") { Description = "Show at most this many clusters (0 = all)", DefaultValueFactory = _ => 20 }.AtLeast(0);
        var minSize = new Option<int>("--min-size") { Description = "Only clusters with at least this many ads", DefaultValueFactory = _ => 1 }.AtLeast(0);
        var sort = new Option<string>("--sort") { Description = "size, or risk (triage score, highest first)", DefaultValueFactory = _ => "size" };
        sort.AcceptOnlyFromAmong("size", "risk");
        var indicators = RiskOptions.Indicators();
        var command = new Command("clusters", "List clusters, largest first");
        command.Options.Add(formatOption);
        command.Options.Add(members);
        command.Options.Add(top);
        command.Options.Add(minSize);
        command.Options.Add(sort);
        command.Options.Add(indicators);
        command.SetAction((parse, ct) =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var format = parse.GetValue(global.Json) ? "json" : parse.GetValue(formatOption)!;
            CliAudit.Record(store, parse, global, parse.GetValue(members) ? "clusters --members" : "clusters", store.Path, format);
            if (parse.GetValue(members))
            {
                WriteMembers(ctx, store, format, parse.GetValue(indicators), ct);
                return Task.FromResult(ExitCodes.Success);
            }

            var limit = parse.GetValue(top);
            if (parse.GetValue(sort) == "risk")
            {
                WriteByRisk(ctx, store, format, parse.GetValue(indicators), parse.GetValue(minSize), limit, ct);
                return Task.FromResult(ExitCodes.Success);
            }

            // --top limits every format alike (0 = all).
            var clusters = store.ListClusters(parse.GetValue(minSize), limit > 0 ? limit : null);
            if (store.Counts().Clusters == 0)
            {
                throw new CliError("the case has no clusters yet: run `netan analyze` first", ExitCodes.Failure);
            }

            switch (format)
            {
                case "json":
                    ctx.Out.WriteLine(JsonSerializer.Serialize(clusters.Select(c => new
                    {
                        id = c.Id,
                        ads = c.Size,
                        entities = c.Entities,
                        phones = c.Phones,
                        emails = c.Emails,
                        cities = c.Cities,
                        first_seen = c.FirstSeen,
                        last_seen = c.LastSeen,
                    })));
                    break;
                case "csv":
                    ctx.Out.WriteLine("cluster_id,ads,entities,phones,emails,cities,first_seen,last_seen");
                    foreach (var c in clusters)
                    {
                        ctx.Out.WriteLine(string.Join(',', SafeCsv.Cell(c.Id), c.Size, c.Entities, c.Phones, c.Emails,
                            SafeCsv.Cell(string.Join(';', c.Cities)), SafeCsv.Cell(c.FirstSeen), SafeCsv.Cell(c.LastSeen)));
                    }

                    break;
                default:
                    ctx.Console.Write(Table(clusters));
                    break;
            }

            return Task.FromResult(ExitCodes.Success);
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

    private static void WriteMembers(CliContext ctx, CaseStore store, string format, string? indicatorFile, CancellationToken ct)
    {
        var rows = store.Memberships().ToList();
        var idCounts = rows.GroupBy(r => r.AdId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // The input's id is what other tools know; it is only ambiguous when two sites reuse it, then the key is used.
        string Name((string AdKey, string AdId, string? ClusterId) r) => idCounts[r.AdId] > 1 ? r.AdKey : r.AdId;
        if (rows.Any(r => r.ClusterId is null))
        {
            throw new CliError("some ads have no cluster yet: run `netan analyze` first", ExitCodes.Failure);
        }

        // The risk column is the ad's cluster's triage score (computed and stored first if needed).
        var set = RiskOptions.EnsureScores(store, indicatorFile, ct);
        var scores = store.ClusterScores(set.Sha256);
        string Risk(string? cluster) => cluster is not null && scores.TryGetValue(cluster, out var s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "";
        if (format == "json")
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                ad_id = Name(r),
                cluster_id = r.ClusterId,
                risk = r.ClusterId is not null && scores.TryGetValue(r.ClusterId, out var s) ? Math.Round(s, 1) : (double?)null,
            })));
            return;
        }

        // A table of a million rows helps nobody: --members prints CSV unless JSON is asked for.
        ctx.Out.WriteLine("ad_id,cluster_id,risk");
        foreach (var r in rows)
        {
            ctx.Out.Write(SafeCsv.Cell(Name(r)));
            ctx.Out.Write(',');
            ctx.Out.Write(SafeCsv.Cell(r.ClusterId));
            ctx.Out.Write(',');
            ctx.Out.WriteLine(Risk(r.ClusterId));
        }
    }

    private static void WriteByRisk(CliContext ctx, CaseStore store, string format, string? indicatorFile, int minSize, int limit, CancellationToken ct)
    {
        var set = RiskOptions.EnsureScores(store, indicatorFile, ct);
        var rows = store.ListClustersByRisk(set.Sha256, minSize, limit > 0 ? limit : null);
        switch (format)
        {
            case "json":
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    caveat = set.Caveat,
                    indicators_sha256 = set.Sha256,
                    clusters = rows.Select(r => new
                    {
                        id = r.Cluster.Id,
                        risk = r.Score is { } s ? Math.Round(s, 1) : (double?)null,
                        needs_review = r.NeedsReview,
                        ads = r.Cluster.Size,
                        entities = r.Cluster.Entities,
                        phones = r.Cluster.Phones,
                        emails = r.Cluster.Emails,
                        cities = r.Cluster.Cities,
                        first_seen = r.Cluster.FirstSeen,
                        last_seen = r.Cluster.LastSeen,
                    }),
                }));
                break;
            case "csv":
                ctx.Out.WriteLine("cluster_id,risk,needs_review,ads,entities,phones,emails,cities,first_seen,last_seen");
                foreach (var r in rows)
                {
                    var c = r.Cluster;
                    ctx.Out.WriteLine(string.Join(',', SafeCsv.Cell(c.Id), r.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", r.NeedsReview ? "1" : "0",
                        c.Size, c.Entities, c.Phones, c.Emails, SafeCsv.Cell(string.Join(';', c.Cities)), SafeCsv.Cell(c.FirstSeen), SafeCsv.Cell(c.LastSeen)));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn("Cluster").AddColumn(new TableColumn("Risk").RightAligned()).AddColumn("Review")
                    .AddColumn(new TableColumn("Ads").RightAligned()).AddColumn(new TableColumn("Phones").RightAligned()).AddColumn("Cities").AddColumn("Last seen");
                foreach (var r in rows)
                {
                    var c = r.Cluster;
                    var cities = string.Join(", ", c.Cities.Take(4)) + (c.Cities.Count > 4 ? $" +{c.Cities.Count - 4}" : "");
                    table.AddRow(Markup.Escape(c.Id), r.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-", r.NeedsReview ? "[yellow]review[/]" : "",
                        c.Size.ToString("N0", CultureInfo.InvariantCulture), c.Phones.ToString("N0", CultureInfo.InvariantCulture),
                        Markup.Escape(LogText.Safe(cities, 60)), Markup.Escape(c.LastSeen?[..10] ?? "-"));
                }

                ctx.Console.Write(table);
                ctx.Console.MarkupLineInterpolated($"[dim]{set.Caveat} `netan show <cluster>` explains a score.[/]");
                break;
        }
    }
}
