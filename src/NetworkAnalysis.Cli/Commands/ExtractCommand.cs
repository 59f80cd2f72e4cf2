using System.CommandLine;
using System.Text.Json;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan extract</c>: prints the entities and attributes of every ad in files or folders, one JSON object per ad.</summary>
/// <remarks>Reads every format ingest reads, recognised the same way (<see cref="AdFormatSniffer"/>, <see cref="AdSourceReader"/>,
/// folders expanded as by ingest): CSV, TSV, JSON Lines, crawl records, saved pages, WARC/WARC.gz, XLSX. No case is needed.</remarks>
internal static class ExtractCommand
{
    // Stdout JSON Lines for other tools, never embedded in HTML: keep '+' and quotes readable.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files or folders (read recursively): CSV, TSV, JSON Lines, crawl records, saved HTML pages, WARC/WARC.gz, XLSX; recognised by content",
            Arity = ArgumentArity.OneOrMore,
        }.Kind(ValueKind.InputPath, "input file or folder");
        var country = new Option<string?>("--country") { Description = "Default region (ISO 3166 alpha-2) for numbers without a country code" }.Kind(ValueKind.Country);
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var map = new Option<string[]>("--map") { Description = "Map a field to another column name, e.g. --map body=description", AllowMultipleArgumentsPerToken = false }.Kind(ValueKind.FieldMap);
        var profiles = new Option<string?>("--profiles") { Description = "A site profile (YAML) or a folder of them, besides the built-in ones, for ad pages" }.Kind(ValueKind.InputPath);
        var sheet = new Option<string?>("--sheet") { Description = "Sheet of an .xlsx workbook to read (default: the first)" }.Kind(ValueKind.Text);
        var command = new Command("extract", "Extract identifiers (with spans in the ad text) and attributes from each ad, as JSON Lines");
        command.Arguments.Add(files);
        command.Options.Add(country);
        command.Options.Add(format);
        command.Options.Add(map);
        command.Options.Add(profiles);
        command.Options.Add(sheet);
        command.SetAction((parse, ct) =>
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

            var defaultCountry = parse.GetValue(country)?.ToUpperInvariant();
            var readerOptions = new AdReaderOptions { FieldMap = fieldMap, DefaultCountry = defaultCountry };
            var siteProfiles = IngestCommand.LoadProfiles(parse.GetValue(profiles));
            var paths = IngestCommand.ExpandFolders(parse.GetValue(files)!);
            // Every input is checked before any output, so a bad name costs nothing half-printed.
            var inputs = new List<(string Path, AdInputFormat Format)>();
            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    throw new CliError($"input file not found: {path}");
                }

                inputs.Add((path, AdFormatSniffer.Detect(path)
                    ?? throw new CliError($"{path}: unknown input format (expected CSV, TSV, JSON Lines, crawl records, HTML, WARC or XLSX)")));
            }

            var extractor = new EntityExtractor();
            var failed = 0;
            foreach (var (path, inputFormat) in inputs)
            {
                var reader = new AdSourceReader(readerOptions, siteProfiles) { Sheet = parse.GetValue(sheet) };
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                foreach (var item in reader.Read(stream, path, inputFormat))
                {
                    ct.ThrowIfCancellationRequested();
                    if (item.Error is { } error)
                    {
                        failed++;
                        ctx.Error.WriteLine("warning: " + LogText.Safe(error.ToString()));
                        continue;
                    }

                    var ad = item.Ad!;
                    var result = extractor.Extract(ad.Text, ad.Country ?? defaultCountry);
                    ctx.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = ad.Id,
                        site = ad.Site,
                        entities = result.Entities.Select(m => new { type = m.Type.ToName(), value = m.Value, raw = m.Raw, start = m.Start, end = m.End, confidence = Math.Round(m.Confidence, 3) }),
                        attributes = result.Attributes.Select(a => new { kind = a.Kind.ToString().ToLowerInvariant(), value = a.Value, raw = a.Raw, start = a.Start, end = a.End }),
                        // Identifiers that come from fields rather than the text, as ingest makes them: the poster account, photos by
                        // canonical URL (or by hash when a crawl holds their bytes).
                        fields = Fields(ad),
                    }, JsonOptions));
                }
            }

            return Task.FromResult(failed > 0 ? ExitCodes.Failure : ExitCodes.Success);
        });
        return command;
    }

    private static List<object> Fields(Ad ad)
    {
        var fields = new List<object>();
        if (!string.IsNullOrWhiteSpace(ad.Poster))
        {
            fields.Add(new { type = EntityType.Poster.ToName(), value = (ad.Site + ":" + ad.Poster.Trim()).ToLowerInvariant(), field = "poster" });
        }

        foreach (var url in ad.ImageUrls)
        {
            fields.Add(new { type = EntityType.Image.ToName(), value = "url:" + url, field = "image_urls" });
        }

        foreach (var hash in ad.ImageHashes.Where(h => h.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase)))
        {
            fields.Add(new { type = EntityType.Image.ToName(), value = hash[7..].ToLowerInvariant(), field = "image_hashes" });
        }

        return fields;
    }
}
