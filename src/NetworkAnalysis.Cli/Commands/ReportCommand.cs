using System.CommandLine;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.CaseFiles;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan report &lt;cluster&gt; --out DIR</c>: a referral case file (HTML, optional PDF, charts, CSV, custody manifest).</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var cluster = new Argument<string>("cluster") { Description = "Cluster ID (see `netan clusters`)" };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the case file into", Required = true };
        var pdf = new Option<bool>("--pdf") { Description = "Also print report.pdf with headless Chromium (/usr/bin/chromium)" };
        var notes = new Option<string?>("--notes") { Description = "Analyst's notes, recorded in the report and manifest" };
        var showIds = new Option<bool>("--show-identifiers") { Description = "Show identifier values in full (masked by default)" };
        var showImages = new Option<bool>("--show-images") { Description = "Show photos sharp (blurred by default)" };
        var redact = new Option<bool>("--redact") { Description = "Copy for sharing: mask identifiers in ad text too and leave photos out" };
        var seed = new Option<int>("--seed") { Description = "Seed of the network layout", DefaultValueFactory = _ => 42 };
        var command = new Command("report", "Write a referral case file for one cluster");
        command.Arguments.Add(cluster);
        foreach (var o in new Option[] { output, pdf, notes, showIds, showImages, redact, seed })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(cluster)!;
            var dir = parse.GetValue(output)!;
            using var reader = new CaseReportReader(parse.GetValue(global.Case)!);
            if (!reader.HasClusters())
            {
                throw new CliError("the case has no clusters yet: run `netan analyze` first", ExitCodes.Failure);
            }

            if (!reader.ClusterExists(id))
            {
                throw new CliError($"no cluster {LogText.Safe(id, 40)} in the case (see `netan clusters`)");
            }

            var options = new ReferralReportOptions
            {
                ShowIdentifiers = parse.GetValue(showIds),
                ShowImages = parse.GetValue(showImages),
                Redact = parse.GetValue(redact),
                Layout = new ForceAtlas2Options { Seed = parse.GetValue(seed) },
            };
            double? riskScore;
            IReadOnlyList<RiskIndicatorItem> riskItems;
            Core.Graphs.Structure.ClusterStructure? structure;
            using (var store = CaseStore.Open(parse.GetValue(global.Case)!))
            {
                (riskScore, riskItems) = CaseRisk.Load(store, id, redact: parse.GetValue(redact), ct: ct);
                structure = store.LoadClusterGraph(id, ct: ct) is { } clusterGraph ? Core.Graphs.Structure.ClusterGraphAnalysis.Structure(clusterGraph) : null;
                CliAudit.Record(store, parse, global, "report", id, Path.GetFullPath(dir));
            }

            var parameters = reader.LatestRunParameters();
            parameters["case"] = Path.GetFileName(parse.GetValue(global.Case)!);
            var model = new ClusterReportModel
            {
                ClusterId = id,
                Graph = reader.LoadGraph(id, loadImages: !options.Redact, hubIds: CaseHubs.Detect(parse.GetValue(global.Case)!, ct), ct),
                Sources = reader.Sources(),
                RiskScore = riskScore,
                RiskIndicators = riskItems,
                Parameters = parameters,
                ToolVersion = CaseStore.ToolVersion,
                GeneratedAt = TimeProvider.System.GetUtcNow(),
                Analyst = CliAudit.Actor(parse, global), // the global --analyst: one name for the report, its manifest and the audit log
                Notes = parse.GetValue(notes),
                Structure = structure,
            };
            var result = await ReferralCaseFileWriter.WriteAsync(model, dir, new ReferralCaseFileOptions { Report = options, Pdf = parse.GetValue(pdf) }, ct);
            foreach (var warning in result.Warnings)
            {
                await ctx.Error.WriteLineAsync("netan: warning: " + warning);
            }

            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine($"Case file for {id} ({model.Graph.Ads.Count} ads) written to {dir}:");
                foreach (var f in result.Files)
                {
                    ctx.Console.WriteLine("  " + Path.GetFileName(f));
                }
            }

            return result.Warnings.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
