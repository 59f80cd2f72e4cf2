using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan explain</c>: the strongest evidence path between two ads, or why they are not linked.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var adA = new Argument<string>("adA") { Description = "First ad: key (site/id) or ID" };
        var adB = new Argument<string>("adB") { Description = "Second ad: key (site/id) or ID" };
        var command = new Command("explain", "Show the shortest evidence path between two ads (identifiers, mentions, weights), or why they are not linked");
        command.Arguments.Add(adA);
        command.Arguments.Add(adB);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            CliAudit.Record(store, parse, global, "explain", parse.GetValue(adA) + " " + parse.GetValue(adB));
            var snapshot = store.LoadSnapshot();
            var keys = snapshot.Incidence.AdKeys;
            var index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                index[keys[i]] = i;
            }

            var byId = store.Memberships().GroupBy(m => m.AdId, StringComparer.Ordinal).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().AdKey, StringComparer.Ordinal);
            int Resolve(string text) => index.TryGetValue(text, out var i) ? i
                : byId.TryGetValue(text, out var key) && index.TryGetValue(key, out i) ? i
                : throw new CliError($"no ad with key or unique ID '{LogText.Safe(text, 80)}'");
            var (a, b) = (Resolve(parse.GetValue(adA)!), Resolve(parse.GetValue(adB)!));
            // The stored analysis: its clusters, hub verdicts, thresholds and weak links; nothing is clustered again.
            var analysis = store.LoadAnalysis() ?? throw new CliError("the case has no clusters yet: run `netan analyze` first", ExitCodes.Failure);
            var evidence = store.LoadEvidence(snapshot, analysis);
            var path = evidence.Explain(a, b);
            var steps = path.Steps.Select(s => new
            {
                from = keys[s.FromAd], to = keys[s.ToAd], via = s.Via, weight = s.Weight, hub = s.IsHub,
                from_mentions = s.Entity is { } e ? Mentions(store, snapshot, s.FromAd, e) : [],
                to_mentions = s.Entity is { } f ? Mentions(store, snapshot, s.ToAd, f) : [],
            }).ToList();
            var strength = evidence.LinkStrength(a, b, path.Linked);
            var decisions = ExplainDecisions(store, keys[a], keys[b]);
            var linkStrength = strength is null ? null : Reporting.Cases.ClusterStructureJson.LinkStrength(strength);
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { linked = path.Linked, same_cluster = path.SameCluster, explanation = path.Explanation, steps, link_strength = linkStrength, decisions = DecisionsView.ToJson(decisions) }));
                return path.Linked ? ExitCodes.Success : ExitCodes.Failure;
            }

            ctx.Console.MarkupLine(Markup.Escape(LogText.Safe(path.Explanation, 2_000)));
            var table = new Table().Border(TableBorder.Rounded).AddColumn("From ad").AddColumn("Via").AddColumn(new TableColumn("Weight").RightAligned()).AddColumn("To ad").AddColumn("Mentions (span: raw)");
            foreach (var s in steps)
            {
                var mentions = string.Join("; ", s.from_mentions.Concat(s.to_mentions));
                table.AddRow(Markup.Escape(LogText.Safe(s.from, 80)), Markup.Escape(LogText.Safe(s.via, 80)) + (s.hub ? " [red](hub)[/]" : ""),
                    s.weight.ToString("0.000"), Markup.Escape(LogText.Safe(s.to, 80)), Markup.Escape(LogText.Safe(mentions, 300)));
            }

            if (steps.Count > 0)
            {
                ctx.Console.Write(table);
            }

            if (strength is not null)
            {
                ctx.Console.MarkupLine("[bold]Link strength[/]: " + Markup.Escape(LogText.Safe(strength.Describe(), 2_000)));
            }

            DecisionsView.Render(ctx.Console, decisions);
            return path.Linked ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Standing decisions that show in either ad's cluster (a merge, split or not-same naming them, a hub they mention).</summary>
    private static IReadOnlyList<AnalystDecision> ExplainDecisions(CaseStore store, string adA, string adB)
    {
        var clusters = store.Memberships().Where(m => m.AdKey == adA || m.AdKey == adB).Select(m => m.ClusterId).OfType<string>().Distinct(StringComparer.Ordinal);
        return clusters.SelectMany(store.DecisionsForCluster).DistinctBy(d => d.Id).OrderBy(d => d.Id).ToList();
    }

    private static string[] Mentions(CaseStore store, CaseSnapshot snapshot, int ad, int entity)
        => store.MentionsOf(snapshot.AdRowIds[ad], snapshot.EntityRowIds[entity])
            .Select(m => $"{snapshot.Incidence.AdKeys[ad]}@{m.Start}-{m.End}: {m.Raw}").ToArray();
}
