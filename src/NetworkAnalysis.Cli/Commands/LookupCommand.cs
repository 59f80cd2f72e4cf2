using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan lookup</c>: which cluster and ads an identifier belongs to, and what it is linked with.</summary>
internal static class LookupCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var query = new Argument<string>("identifier") { Description = "Phone (any format), e-mail, handle, or ad ID" };
        var country = new Option<string>("--country") { Description = "Region for phone numbers without a country code", DefaultValueFactory = _ => "US" }.Kind(ValueKind.Country);
        var command = new Command("lookup", "Find an identifier: its cluster, its ads, and the entities linked to it");
        command.Arguments.Add(query);
        command.Options.Add(country);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var text = parse.GetValue(query)!;
            var results = store.Lookup(text, parse.GetValue(country));
            var thresholds = store.LoadAnalysis()?.Options.Hubs ?? new Core.Graphs.HubOptions();
            CliAudit.Record(store, parse, global, "lookup", text);
            if (results.Any(r => r.Phone is not null))
            {
                PhoneDetailsView.NoteIfComputed(ctx, store);
            }

            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(results.Select(r => new
                {
                    type = r.Type, value = r.Value, ad_count = r.AdCount, ads = r.Ads,
                    clusters = r.Clusters.Select(c => new { id = c.ClusterId, ads = c.Ads }),
                    linked = r.Linked.Select(l => new { type = l.Type, value = l.Value, ads = l.Ads }),
                    hub = r.Hub is { } h ? new { reason = h.ReasonName, explanation = h.Explain(thresholds) } : null,
                    phone = r.Phone is { } d
                        ? new { region = d.Region, location = d.Location, number_type = d.Type, metadata = "libphonenumber-csharp " + d.Metadata }
                        : null,
                })));
                return results.Count == 0 ? ExitCodes.Failure : ExitCodes.Success;
            }

            if (results.Count == 0)
            {
                ctx.Console.MarkupLineInterpolated($"No entity or ad matches [bold]{LogText.Safe(text, 80)}[/].");
                return ExitCodes.Failure;
            }

            foreach (var r in results)
            {
                ctx.Console.MarkupLineInterpolated($"[bold]{r.Type}[/] {r.Value}: {r.AdCount:N0} ads in {r.Clusters.Count:N0} cluster(s)");
                if (r.Phone is { } details)
                {
                    ctx.Console.MarkupLineInterpolated($"number: {LogText.Safe(PhoneDetailsView.Summary(details), 200)}");
                }

                if (r.Hub is { } hub)
                {
                    ctx.Console.MarkupLineInterpolated($"[yellow]hub[/]: {LogText.Safe(hub.Explain(thresholds), 400)}; it is shown as evidence but never merges clusters.");
                }
                var clusters = new Table().Border(TableBorder.Simple).AddColumn("Cluster").AddColumn(new TableColumn("Ads").RightAligned());
                foreach (var (id, ads) in r.Clusters.Take(20))
                {
                    clusters.AddRow(Markup.Escape(id), ads.ToString("N0"));
                }

                ctx.Console.Write(clusters);
                ctx.Console.MarkupLineInterpolated($"Ads: {string.Join(", ", r.Ads.Take(20))}{(r.AdCount > 20 ? ", …" : "")}");
                var linked = new Table().Border(TableBorder.Simple).AddColumn("Linked entity").AddColumn("Type").AddColumn(new TableColumn("Shared ads").RightAligned());
                foreach (var (type, value, ads) in r.Linked.Take(25))
                {
                    linked.AddRow(Markup.Escape(LogText.Safe(value, 80)), Markup.Escape(type), ads.ToString("N0"));
                }

                ctx.Console.Write(linked);
                // The identifier's ads that were re-crawled with changed content: how they changed.
                ShowCommand.RenderHistory(ctx.Console, r.Ads.Take(20).SelectMany(key => store.AdHistory(null, key)).ToList(), redact: false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
