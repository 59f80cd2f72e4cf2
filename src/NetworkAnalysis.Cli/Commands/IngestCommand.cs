using System.CommandLine;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan ingest</c>: reads CSV/JSONL files into the case, extracting entities with spans.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var files = new Argument<string[]>("files") { Description = "CSV, TSV or JSON Lines files", Arity = ArgumentArity.OneOrMore }.Kind(ValueKind.InputFile, "input file");
        var map = new Option<string[]>("--map") { Description = "Map a field to another column name, e.g. --map body=description", AllowMultipleArgumentsPerToken = false }.Kind(ValueKind.FieldMap);
        var strict = new Option<bool>("--strict") { Description = "Stop at the first malformed row (default: report it, skip it, go on)" };
        var country = new Option<string?>("--country") { Description = "Default country (ISO 3166 alpha-2) for rows that name none" }.Kind(ValueKind.Country);
        var site = new Option<string?>("--site") { Description = "Default site for rows that name none" }.Kind(ValueKind.Text);
        var format = new Option<AdInputFormat?>("--format") { Description = "Input format (default: from the file name)" };
        var command = new Command("ingest", "Read ad files into the case (idempotent and resumable)");
        command.Arguments.Add(files);
        command.Options.Add(map);
        command.Options.Add(strict);
        command.Options.Add(country);
        command.Options.Add(site);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            IReadOnlyDictionary<string, string> fieldMap;
            try
            {
                fieldMap = AdReaderOptions.ParseFieldMap(parse.GetValue(map) ?? []);
            }
            catch (FormatException ex)
            {
                throw new CliError(ex.Message);
            }

            var options = new IngestOptions
            {
                Reader = new AdReaderOptions { FieldMap = fieldMap, DefaultCountry = parse.GetValue(country)?.ToUpperInvariant(), DefaultSite = parse.GetValue(site) ?? "" },
                Strict = parse.GetValue(strict),
                Format = parse.GetValue(format),
            };
            // Before opening: a second ingest is refused at once, not after waiting for the first one's transactions.
            using var ingestLock = CaseIngestLock.Take(parse.GetValue(global.Case)!);
            using var store = CaseStore.Open(parse.GetValue(global.Case)!, create: true);
            CliAudit.Record(store, parse, global, "ingest", string.Join(", ", parse.GetValue(files)!.Select(Path.GetFullPath)));
            var results = Run(ctx, store, parse.GetValue(files)!, options, parse.GetValue(global.Quiet));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(results.Select(r => new
                {
                    path = r.Path, sha256 = r.Sha256, already_ingested = r.AlreadyIngested, resumed = r.Resumed, rows_read = r.RowsRead,
                    ads_added = r.AdsAdded, duplicates = r.Duplicates, rows_failed = r.RowsFailed, mentions_added = r.MentionsAdded, images_hashed = r.ImagesHashed, image_errors = r.ImageErrors,
                    stopped_at_error = r.StoppedAtError,
                })));
            }

            return results.Any(r => r.StoppedAtError) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Ingests each file, printing a summary line per file and every row error (first 20 per file).</summary>
    public static List<IngestResult> Run(CliContext ctx, CaseStore store, IEnumerable<string> files, IngestOptions options, bool quiet)
    {
        var ingestor = new CaseIngestor(store);
        var results = new List<IngestResult>();
        var runId = store.BeginRun("ingest", new { files = files.ToArray(), strict = options.Strict });
        foreach (var file in files)
        {
            var result = Progress.Run(ctx, quiet, $"Ingesting {Path.GetFileName(file)}", p => ingestor.Ingest(file, options, p));
            results.Add(result);
            foreach (var error in result.Errors.Take(20))
            {
                ctx.Error.WriteLine("warning: " + LogText.Safe(error.ToString()));
            }

            if (result.RowsFailed > 20)
            {
                ctx.Error.WriteLine($"warning: {result.RowsFailed - 20:N0} more malformed rows in {file} (see the case's ingest_errors table)");
            }

            if (!quiet)
            {
                ctx.Console.MarkupLine(result.AlreadyIngested
                    ? $"{Markup.Escape(file)}: already ingested (SHA-256 {result.Sha256[..12]}…), nothing added"
                    : $"{Markup.Escape(file)}: {result.AdsAdded:N0} ads added, {result.Duplicates:N0} duplicates, {result.RowsFailed:N0} malformed rows skipped, {result.MentionsAdded:N0} mentions{(result.Resumed ? " (resumed)" : "")}"
                      + (result.ImagesHashed + result.ImageErrors > 0 ? $", {result.ImagesHashed:N0} images hashed, {result.ImageErrors:N0} image errors (ingest_errors, field images)" : ""));
            }

            if (result.StoppedAtError)
            {
                ctx.Error.WriteLine($"netan: stopped at the first malformed row (--strict); fix it and run again to resume");
                break;
            }
        }

        store.FinishRun(runId, new Dictionary<string, double>());
        return results;
    }
}
