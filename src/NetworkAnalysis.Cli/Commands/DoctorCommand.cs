using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan doctor</c>: examines a case (a file, or one on PostgreSQL) for damage and, with <c>--repair</c>, writes a repaired copy of a file.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var path = new Argument<string?>("case") { Description = "A case file or postgresql:// locator (default: --case)", Arity = ArgumentArity.ZeroOrOne }.Kind(ValueKind.CaseLocator, "case");
        var repair = new Option<bool>("--repair") { Description = "Write a repaired copy beside the case (the original is never modified)" };
        var output = new Option<string?>("--out", "-o") { Description = "Where --repair writes the copy (default: CASE.repaired)" }.Kind(ValueKind.OutputFile);
        var command = new Command("doctor", "Check a case (file: header, integrity, references, audit chain; PostgreSQL: references, indexes, audit chain) and optionally repair a copy of a file; exit 0 healthy, 1 problems");
        command.Arguments.Add(path);
        command.Options.Add(repair);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path) ?? parse.GetValue(global.Case)!;
            var onPostgres = Storage.Postgres.PostgresCaseLocator.IsLocator(file);
            if (onPostgres && parse.GetValue(repair))
            {
                throw new CliError("`netan doctor --repair` writes a repaired copy of a case file; a case on PostgreSQL is repaired with the server's "
                    + $"own tools and backups, or copied to a file first (`netan case copy {Storage.Postgres.PostgresCaseLocator.Mask(file)} my.case`) and that repaired");
            }

            if (!onPostgres && !File.Exists(file))
            {
                throw new CliError($"case file not found: {file}");
            }

            var report = onPostgres ? CaseDoctor.ExaminePostgres(file) : CaseDoctor.Examine(file);
            var json = parse.GetValue(global.Json);
            var phoneMetadata = report.Damaged ? [] : PhoneMetadataOfRuns(file);
            DoctorRepairResult? repaired = null;
            if (parse.GetValue(repair) && !report.Healthy)
            {
                repaired = CaseDoctor.Repair(file, parse.GetValue(output) ?? file + ".repaired");
                using var copy = CaseStore.Open(repaired.OutputPath);
                CliAudit.Record(copy, parse, global, "repair", Path.GetFullPath(file), $"{repaired.Method}; integrity {(repaired.IntegrityOk ? "ok" : "failed")}");
            }

            if (json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    path = report.Path,
                    healthy = report.Healthy,
                    damaged = report.Damaged,
                    findings = report.Findings.Select(f => new { severity = f.Severity.ToString().ToLowerInvariant(), check = f.Check, message = f.Message }),
                    rows = report.TableRows,
                    phone_metadata = new
                    {
                        build = "libphonenumber-csharp " + PhoneNumberDetails.MetadataVersion,
                        runs = phoneMetadata.Select(p => new { kind = p.Kind, metadata = p.PhoneMetadata }),
                    },
                    repair = repaired is null ? null : new
                    {
                        output = repaired.OutputPath,
                        method = repaired.Method,
                        rows = repaired.RowsRecovered,
                        damaged_ranges = repaired.DamagedRanges,
                        orphans_removed = repaired.OrphansRemoved,
                        integrity_ok = repaired.IntegrityOk,
                        notes = repaired.Notes,
                    },
                }));
            }
            else
            {
                Print(ctx, report, repaired);
                PrintPhoneMetadata(ctx, phoneMetadata);
            }

            return report.Healthy ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Which libphonenumber metadata the case's ingest and analyze runs used; empty when the case cannot be read.</summary>
    private static IReadOnlyList<(string Kind, string PhoneMetadata)> PhoneMetadataOfRuns(string file)
    {
        try
        {
            using var store = CaseStore.OpenReadOnly(file);
            return store.PhoneMetadataOfRuns();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or CaseStoreException or InvalidOperationException or IOException)
        {
            return [];
        }
    }

    private static void PrintPhoneMetadata(CliContext ctx, IReadOnlyList<(string Kind, string PhoneMetadata)> runs)
    {
        var build = "libphonenumber-csharp " + PhoneNumberDetails.MetadataVersion;
        ctx.Out.WriteLine($"phone metadata: {build} in this build; case runs: "
            + (runs.Count == 0 ? "none" : string.Join(", ", runs.Select(r => $"{r.Kind} {LogText.Safe(r.PhoneMetadata, 80)}"))));
        if (runs.Any(r => r.Kind == "ingest" && r.PhoneMetadata != build))
        {
            ctx.Out.WriteLine("note: some ads were extracted with other phone metadata; re-ingest to extract them with this build's.");
        }
    }

    private static void Print(CliContext ctx, DoctorReport report, DoctorRepairResult? repaired)
    {
        foreach (var f in report.Findings)
        {
            var label = f.Severity switch
            {
                DoctorSeverity.Info => "ok     ",
                DoctorSeverity.Warning => "WARNING",
                DoctorSeverity.Error => "ERROR  ",
                _ => throw new ArgumentOutOfRangeException(nameof(report), f.Severity, "unknown severity"),
            };
            ctx.Out.WriteLine($"{label} {f.Check}: {LogText.Safe(f.Message, 400)}");
        }

        if (report.TableRows.Count > 0)
        {
            ctx.Out.WriteLine("rows: " + string.Join(", ", report.TableRows.Select(t => $"{t.Key} {t.Value:N0}")));
        }

        var onPostgres = Storage.Postgres.PostgresCaseLocator.IsLocator(report.Path);
        ctx.Out.WriteLine(report.Healthy ? "The case is healthy." : report.Damaged
            ? $"The case is damaged.{(repaired is not null ? "" : onPostgres
                ? " Restore it from the server's backups, or copy what is readable to a file (`netan case copy`) and repair that."
                : " Run `netan doctor --repair` to write a repaired copy (the original stays as it is).")}"
            : "The case opens but needs attention (see the warnings).");
        if (repaired is null)
        {
            return;
        }

        ctx.Out.WriteLine($"Repaired copy ({repaired.Method}): {repaired.OutputPath}; integrity {(repaired.IntegrityOk ? "ok" : "STILL FAILING")}");
        ctx.Out.WriteLine("rows recovered: " + string.Join(", ", repaired.RowsRecovered.Select(t => $"{t.Key} {t.Value:N0}")));
        foreach (var note in repaired.Notes)
        {
            ctx.Out.WriteLine("- " + note);
        }
    }
}
