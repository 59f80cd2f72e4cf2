using System.CommandLine;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan ingest</c>: reads CSV/JSONL files into the case, extracting entities with spans.</summary>
internal static partial class IngestCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files or folders (read recursively): CSV, TSV, JSON Lines, crawl records, saved HTML pages, WARC/WARC.gz, XLSX; recognised by content",
            Arity = ArgumentArity.OneOrMore,
        }.Kind(ValueKind.InputPath, "input file or folder");
        var map = new Option<string[]>("--map") { Description = "Map a field to another column name, e.g. --map body=description", AllowMultipleArgumentsPerToken = false }.Kind(ValueKind.FieldMap);
        var strict = new Option<bool>("--strict") { Description = "Stop at the first malformed row (default: report it, skip it, go on)" };
        var country = new Option<string?>("--country") { Description = "Default country (ISO 3166 alpha-2) for rows that name none" }.Kind(ValueKind.Country);
        var site = new Option<string?>("--site") { Description = "Default site for rows that name none" }.Kind(ValueKind.Text);
        var format = new Option<AdInputFormat?>("--format") { Description = "Input format (default: recognised from each file's content)" };
        var profiles = new Option<string?>("--profiles") { Description = "A site profile (YAML) or a folder of them, besides the built-in ones, for ad pages" }.Kind(ValueKind.InputPath);
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx workbook to read (default: the first)" }.Kind(ValueKind.Text);
        var shard = new Option<string?>("--shard") { Description = "Store only shard i of n of each file (e.g. 0/4), so n workers share it; for a PostgreSQL case" }.Kind(ValueKind.Text);
        var command = new Command("ingest", "Read ad files into the case (idempotent and resumable; a PostgreSQL case takes many workers at once)").TakesCaseLocator();
        command.Arguments.Add(files);
        command.Options.Add(map);
        command.Options.Add(strict);
        command.Options.Add(country);
        command.Options.Add(site);
        command.Options.Add(format);
        command.Options.Add(profiles);
        command.Options.Add(sheet);
        command.Options.Add(shard);
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
                Profiles = LoadProfiles(parse.GetValue(profiles)),
                Sheet = parse.GetValue(sheet),
            };
            if (RunOnPostgres(ctx, parse, global, parse.GetValue(files)!, options, parse.GetValue(shard)) is { } exit)
            {
                return exit;
            }

            // Before opening: a second ingest is refused at once, not after waiting for the first one's transactions.
            using var ingestLock = CaseIngestLock.Take(parse.GetValue(global.Case)!);
            using var store = CaseStore.Open(parse.GetValue(global.Case)!, create: true);
            CliAudit.Record(store, parse, global, "ingest", string.Join(", ", parse.GetValue(files)!.Select(Path.GetFullPath)));
            var results = Run(ctx, store, ExpandFolders(parse.GetValue(files)!), options, parse.GetValue(global.Quiet));
            // A folder may be a mirror holding photos at HOST/PATH: ads that know a photo only by URL get its hash.
            foreach (var folder in parse.GetValue(files)!.Where(Directory.Exists))
            {
                var linked = new CaseIngestor(store).LinkPhotoFolder(folder);
                if (linked > 0 && !parse.GetValue(global.Quiet))
                {
                    ctx.Console.MarkupLine($"{Markup.Escape(folder)}: {linked:N0} photos known only by URL found in the folder and linked by hash");
                }
            }
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(results.Select(r => new
                {
                    path = r.Path, sha256 = r.Sha256, already_ingested = r.AlreadyIngested, resumed = r.Resumed, rows_read = r.RowsRead,
                    ads_added = r.AdsAdded, duplicates = r.Duplicates, rows_failed = r.RowsFailed, mentions_added = r.MentionsAdded, images_hashed = r.ImagesHashed, image_errors = r.ImageErrors,
                    stopped_at_error = r.StoppedAtError, versions = r.Versions, records_skipped = r.RecordsSkipped, photos_linked_by_url = r.PhotosLinkedByUrl,
                    // Where the time went, as for a PostgreSQL case (#21).
                    timings_ms = r.TimingsMs,
                })));
            }

            return results.Any(r => r.StoppedAtError) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The built-in site profiles plus those of <paramref name="path"/>; a bad profile is a usage error.</summary>
    internal static NetworkAnalysis.Core.Ads.Html.SiteProfiles LoadProfiles(string? path)
    {
        try
        {
            return NetworkAnalysis.Core.Ads.Html.SiteProfiles.Load(path);
        }
        catch (FormatException ex)
        {
            throw new CliError(ex.Message);
        }
    }

    /// <summary>Files as given, folders replaced by the files under them (recursively, in ordinal order; hidden files and
    /// photos skipped: photos are read through the pages that embed them).</summary>
    internal static List<string> ExpandFolders(IEnumerable<string> paths)
    {
        string[] photoExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".css", ".js", ".svg", ".ico"];
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                result.Add(path);
                continue;
            }

            result.AddRange(Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !photoExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal));
        }

        return result;
    }

    /// <summary>Ingests each file, printing a summary line per file and every row error (first 20 per file).</summary>
    public static List<IngestResult> Run(CliContext ctx, CaseStore store, IEnumerable<string> files, IngestOptions options, bool quiet)
    {
        var ingestor = new CaseIngestor(store);
        var results = new List<IngestResult>();
        var runId = store.BeginRun("ingest", new { files = files.ToArray(), strict = options.Strict, phone_metadata = "libphonenumber-csharp " + PhoneNumberDetails.MetadataVersion });
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
                      + (result.Versions > 0 ? $", {result.Versions:N0} re-crawls with changed content stored as new versions" : "")
                      + (result.PhotosLinkedByUrl > 0 ? $", {result.PhotosLinkedByUrl:N0} photos known only by URL linked by hash" : "")
                      + (result.RecordsSkipped.Count > 0 ? ", skipped " + Markup.Escape(string.Join(", ", result.RecordsSkipped.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Value:N0} {k.Key}"))) : "")
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
