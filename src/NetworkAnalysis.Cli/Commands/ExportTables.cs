using System.CommandLine;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Custody;
using NetworkAnalysis.Reporting.Tables;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan export --format parquet</c>: one Parquet file per case table, with a custody manifest.</summary>
internal static class ExportTables
{
    /// <remarks>Reads what it needs from <paramref name="reader"/> before its first await: the caller disposes it on return.</remarks>
    public static async Task<int> RunAsync(CliContext ctx, GlobalOptions global, ParseResult parse, CaseReportReader reader, string dir, string? clusterId, bool force, CancellationToken ct)
    {
        var casePath = parse.GetValue(global.Case)!;
        var parameters = reader.LatestRunParameters();
        var sources = reader.Sources().Select(s => new CustodyFile(s.Path, s.Sha256, s.Bytes)).ToList();
        IReadOnlyList<string> staged;
        using var target = SafeOutput.ForFolder(dir, force);
        using (var store = CaseStore.Open(casePath))
        {
            staged = await CaseParquetExporter.ExportAsync(store, target.Staging, clusterId, ct);
        }

        parameters["export.format"] = CaseParquetExporter.Format;
        parameters["export.cluster"] = clusterId ?? "(all)";
        var manifest = CustodyManifestWriter.Write(new CustodyManifest
        {
            ToolVersion = CaseStore.ToolVersion,
            GeneratedAt = TimeProvider.System.GetUtcNow(),
            Action = "export " + CaseParquetExporter.Format,
            Parameters = parameters,
            Sources = sources,
            Outputs = CustodyManifestWriter.Describe(target.Staging, staged),
        }, target.Staging);
        // Checked before the audit entry: an export refused (a file exists without --force, a link) records nothing.
        target.Check(staged.Concat(manifest));
        using (var store = CaseStore.Open(casePath))
        {
            CliAudit.Record(store, parse, global, "export " + CaseParquetExporter.Format, clusterId ?? "(all)", Path.GetFullPath(dir));
        }

        var files = target.Publish(staged.Concat(manifest)).Take(staged.Count).ToList();
        if (!parse.GetValue(global.Quiet))
        {
            ctx.Console.WriteLine($"{files.Count} tables as Parquet in {dir}:");
            foreach (var f in files)
            {
                ctx.Console.WriteLine("  " + Path.GetFileName(f));
            }

            ctx.Console.WriteLine("Open with: duckdb -c \"SELECT * FROM '" + Path.Combine(dir, "ads.parquet").Replace("'", "''", StringComparison.Ordinal) + "'\"  or  pandas.read_parquet(...)");
        }

        return ExitCodes.Success;
    }
}
