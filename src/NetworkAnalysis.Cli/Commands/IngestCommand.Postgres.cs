using System.CommandLine;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Postgres;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

internal static partial class IngestCommand
{
    /// <summary>Ingests into a PostgreSQL case (issue #22): any number of these workers may write one case at once, each on its own
    /// files or its own <c>--shard</c> of them. Returns null when the case is a file (the caller ingests it as ever).</summary>
    private static int? RunOnPostgres(CliContext ctx, ParseResult parse, GlobalOptions global, string[] paths, IngestOptions options, string? shardText)
    {
        var location = parse.GetValue(global.Case)!;
        IngestShard shard;
        try
        {
            shard = shardText is null ? IngestShard.All : IngestShard.Parse(shardText);
        }
        catch (FormatException ex)
        {
            throw new CliError(ex.Message);
        }

        if (!PostgresCaseLocator.IsLocator(location))
        {
            if (shardText is not null)
            {
                throw new CliError($"--shard splits files between ingest workers writing one PostgreSQL case; a case file ({location}) takes one ingest at a time, so give it the whole file");
            }

            return null;
        }

        var locator = PostgresCaseLocator.Parse(location);
        var quiet = parse.GetValue(global.Quiet);
        var files = ExpandFolders(paths);
        using var writer = new PostgresIngestWriter(locator);
        PostgresCaseAudit.Append(locator, CliAudit.Actor(parse, global), "ingest",
            string.Join(", ", paths.Select(Path.GetFullPath)) + (shardText is null ? "" : $" (shard {shard})"));
        var runId = writer.BeginRun("ingest", new { files = files.ToArray(), strict = options.Strict, shard = shard.ToString(), phone_metadata = "libphonenumber-csharp " + PhoneNumberDetails.MetadataVersion });
        var results = new List<IngestResult>();
        foreach (var file in files)
        {
            var result = Progress.Run(ctx, quiet, $"Ingesting {Path.GetFileName(file)}", p => writer.Ingest(file, options, shard, p));
            results.Add(result);
            foreach (var error in result.Errors.Take(20))
            {
                ctx.Error.WriteLine("warning: " + LogText.Safe(error.ToString()));
            }

            if (!quiet)
            {
                var part = shard.Count > 1 ? $" (shard {shard})" : "";
                ctx.Console.MarkupLine(result.AlreadyIngested
                    ? $"{Markup.Escape(file)}{part}: already ingested (SHA-256 {result.Sha256[..12]}…), nothing added"
                    : $"{Markup.Escape(file)}{part}: {result.AdsAdded:N0} ads added, {result.Duplicates:N0} duplicates, {result.RowsFailed:N0} malformed rows skipped, {result.MentionsAdded:N0} mentions{(result.Resumed ? " (resumed)" : "")}"
                      + (result.Versions > 0 ? $", {result.Versions:N0} re-crawls with changed content stored as new versions" : "")
                      + (result.PhotosLinkedByUrl > 0 ? $", {result.PhotosLinkedByUrl:N0} photos known only by URL linked by hash" : "")
                      + (result.ImagesHashed + result.ImageErrors > 0 ? $", {result.ImagesHashed:N0} images hashed, {result.ImageErrors:N0} image errors" : ""));
            }

            if (result.StoppedAtError)
            {
                ctx.Error.WriteLine("netan: stopped at the first malformed row (--strict); fix it and run again to resume");
                break;
            }
        }

        // A folder may be a mirror holding photos at HOST/PATH: ads that know a photo only by URL get its hash.
        foreach (var folder in paths.Where(Directory.Exists))
        {
            var linked = writer.LinkPhotoFolder(folder);
            if (linked > 0 && !quiet)
            {
                ctx.Console.MarkupLine($"{Markup.Escape(folder)}: {linked:N0} photos known only by URL found in the folder and linked by hash");
            }
        }

        writer.FinishRun(runId);
        if (parse.GetValue(global.Json))
        {
            ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(results.Select(r => new
            {
                path = r.Path, sha256 = r.Sha256, shard = shard.ToString(), already_ingested = r.AlreadyIngested, resumed = r.Resumed, rows_read = r.RowsRead,
                ads_added = r.AdsAdded, duplicates = r.Duplicates, rows_failed = r.RowsFailed, mentions_added = r.MentionsAdded, images_hashed = r.ImagesHashed,
                image_errors = r.ImageErrors, stopped_at_error = r.StoppedAtError, records_skipped = r.RecordsSkipped, versions = r.Versions,
                photos_linked_by_url = r.PhotosLinkedByUrl,
                timings_ms = r.TimingsMs,
            })));
        }

        return results.Any(r => r.StoppedAtError) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
