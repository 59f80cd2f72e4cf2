using System.CommandLine;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Custody;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan export --format F --out DIR [--cluster ID]</c>: the case graph for Gephi, Cytoscape, Neo4j, Aleph or a spreadsheet.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var format = new Option<string>("--format", "-f") { Description = "graphml, gexf, cytoscape, neo4j, ftm, csv, or parquet (one file per case table)", Required = true };
        format.AcceptOnlyFromAmong([.. GraphExporters.Formats, Reporting.Tables.CaseParquetExporter.Format]);
        var output = new Option<string>("--out", "-o") { Description = "Folder to write into", Required = true }.Kind(ValueKind.OutputFolder);
        var cluster = new Option<string?>("--cluster") { Description = "Export only this cluster" }.Kind(ValueKind.Text);
        var force = new Option<bool>("--force") { Description = "Replace files that already exist in --out" };
        var command = new Command("export", "Export the case graph (or one cluster) with a custody manifest");
        command.Options.Add(force);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(cluster);
        command.SetAction((parse, ct) =>
        {
            var casePath = parse.GetValue(global.Case)!;
            var dir = parse.GetValue(output)!;
            var id = parse.GetValue(cluster);
            using var reader = new CaseReportReader(casePath);
            if (id is not null && !reader.ClusterExists(id))
            {
                throw new CliError($"no cluster {LogText.Safe(id, 40)} in the case (see `netan clusters`)");
            }

            if (string.Equals(parse.GetValue(format), Reporting.Tables.CaseParquetExporter.Format, StringComparison.OrdinalIgnoreCase))
            {
                return ExportTables.RunAsync(ctx, global, parse, reader, dir, id, parse.GetValue(force), ct);
            }

            var graph = reader.LoadGraph(id, loadImages: false, ct);
            var exporter = GraphExporters.Create(parse.GetValue(format)!)!;
            using var target = SafeOutput.ForFolder(dir, parse.GetValue(force));
            var staged = exporter.Export(graph, target.Staging, ct).ToList();
            var parameters = reader.LatestRunParameters();
            parameters["export.format"] = exporter.Format;
            parameters["export.cluster"] = id ?? "(all)";
            var manifest = CustodyManifestWriter.Write(new CustodyManifest
            {
                ToolVersion = CaseStore.ToolVersion,
                GeneratedAt = TimeProvider.System.GetUtcNow(),
                Action = "export " + exporter.Format,
                Parameters = parameters,
                Sources = reader.Sources().Select(s => new CustodyFile(s.Path, s.Sha256, s.Bytes)).ToList(),
                Outputs = CustodyManifestWriter.Describe(target.Staging, staged),
            }, target.Staging);
            // Checked before the audit entry: an export refused (a file exists without --force, a link) records nothing.
            target.Check(staged.Concat(manifest));
            using (var store = CaseStore.Open(casePath))
            {
                CliAudit.Record(store, parse, global, "export " + exporter.Format, id ?? "(all)", Path.GetFullPath(dir));
            }

            var files = target.Publish(staged.Concat(manifest)).Take(staged.Count).ToList();
            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine($"{graph.Ads.Count} ads, {graph.Entities.Count} identifiers, {graph.Links.Count} links as {exporter.Format} in {dir}:");
                foreach (var f in files)
                {
                    ctx.Console.WriteLine("  " + Path.GetFileName(f));
                }
            }

            if (exporter is Neo4jBulkExporter neo4j && !parse.GetValue(global.Quiet))
            {
                ctx.Console.WriteLine("Import with: " + neo4j.ImportCommand());
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
