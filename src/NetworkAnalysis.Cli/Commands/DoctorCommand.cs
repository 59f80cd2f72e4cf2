using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan doctor</c>: examines a case file for damage and, with <c>--repair</c>, writes a repaired copy.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var path = new Argument<string?>("case") { Description = "Case file (default: --case)", Arity = ArgumentArity.ZeroOrOne }.Kind(ValueKind.InputFile, "case file");
        var repair = new Option<bool>("--repair") { Description = "Write a repaired copy beside the case (the original is never modified)" };
        var output = new Option<string?>("--out", "-o") { Description = "Where --repair writes the copy (default: CASE.repaired)" }.Kind(ValueKind.OutputFile);
        var command = new Command("doctor", "Check a case file (header, integrity, references, audit chain) and optionally repair a copy; exit 0 healthy, 1 problems");
        command.Arguments.Add(path);
        command.Options.Add(repair);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path) ?? parse.GetValue(global.Case)!;
            Storage.Postgres.PostgresCaseLocator.ThrowIfLocator(file);
            if (!File.Exists(file))
            {
                throw new CliError($"case file not found: {file}");
            }

            var report = CaseDoctor.Examine(file);
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
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
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

        ctx.Out.WriteLine(report.Healthy ? "The case is healthy." : report.Damaged
            ? $"The case is damaged.{(repaired is null ? " Run `netan doctor --repair` to write a repaired copy (the original stays as it is)." : "")}"
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
