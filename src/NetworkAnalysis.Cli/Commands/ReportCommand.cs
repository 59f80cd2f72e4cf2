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
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the case file into", Required = true }.Kind(ValueKind.OutputFolder);
        var pdf = new Option<bool>("--pdf") { Description = "Also print report.pdf with headless Chromium (NETAN_CHROMIUM, CHROME_PATH, or chromium on PATH)" };
        var notes = new Option<string?>("--notes") { Description = "Analyst's notes, recorded in the report and manifest" }.Kind(ValueKind.Text);
        var showIds = new Option<bool>("--show-identifiers") { Description = "Show identifier values in full (masked by default)" };
        var showImages = new Option<bool>("--show-images") { Description = "Show photos sharp (blurred by default)" };
        var redact = new Option<bool>("--redact") { Description = "Copy for sharing: mask identifiers in ad text too and leave photos out" };
        var seed = new Option<int>("--seed") { Description = "Seed of the network layout", DefaultValueFactory = _ => 42 };
        var force = new Option<bool>("--force") { Description = "Replace files that already exist in --out" };
        var command = new Command("report", "Write a referral case file for one cluster");
        command.Arguments.Add(cluster);
        foreach (var o in new Option[] { output, pdf, notes, showIds, showImages, redact, seed, force })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(cluster)!;
            var dir = parse.GetValue(output)!;
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var reader = new CaseReportReader(store);
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
            // The global --analyst: one name for the report, its manifest and the audit log.
            var model = ClusterReports.Load(store, id, store.Name, loadImages: !options.Redact, redact: !(options.ShowIdentifiers && !options.Redact),
                CliAudit.Actor(parse, global), parse.GetValue(notes), TimeProvider.System.GetUtcNow(), ct);
            using var target = SafeOutput.ForFolder(dir, parse.GetValue(force));
            var result = await ReferralCaseFileWriter.WriteAsync(model, target.Staging, new ReferralCaseFileOptions { Report = options, Pdf = parse.GetValue(pdf) }, ct);
            // Checked before the audit entry: a report refused (a file exists without --force, a link) records nothing.
            target.Check(result.Files);
            CliAudit.Record(store, parse, global, "report", id, Path.GetFullPath(dir));
            var files = target.Publish(result.Files);
            foreach (var warning in result.Warnings)
            {
                await ctx.Error.WriteLineAsync("netan: warning: " + warning);
            }

            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine($"Case file for {id} ({model.Graph.Ads.Count} ads) written to {dir}:");
                ctx.Console.WriteLine("  review: " + ReferralReportWriter.ReviewLine(model.SignOff));
                foreach (var f in files)
                {
                    ctx.Console.WriteLine("  " + Path.GetFileName(f));
                }
            }

            return result.Warnings.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
