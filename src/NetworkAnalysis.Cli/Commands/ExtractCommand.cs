using System.CommandLine;
using System.Text;
using System.Text.Json;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan extract</c>: prints the entities and attributes of every ad in a file, one JSON object per ad.</summary>
internal static class ExtractCommand
{
    // Stdout JSON Lines for other tools, never embedded in HTML: keep '+' and quotes readable.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = "CSV, TSV or JSON Lines file of ads" }.Kind(ValueKind.InputFile, "input file");
        var country = new Option<string?>("--country") { Description = "Default region (ISO 3166 alpha-2) for numbers without a country code" }.Kind(ValueKind.Country);
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var command = new Command("extract", "Extract identifiers (with spans in the ad text) and attributes from each ad, as JSON Lines");
        command.Arguments.Add(file);
        command.Options.Add(country);
        command.Options.Add(format);
        command.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliError($"input file not found: {path}");
            }

            var inputFormat = AdReader.DetectFormat(path) ?? throw new CliError($"{path}: unknown input format (expected .csv, .tsv, .jsonl or .ndjson)");
            var defaultCountry = parse.GetValue(country)?.ToUpperInvariant();
            var reader = new AdReader(new AdReaderOptions { DefaultCountry = defaultCountry });
            var extractor = new EntityExtractor();
            using var text = new StreamReader(path, new UTF8Encoding(false, false));
            var failed = 0;
            foreach (var item in reader.Read(text, inputFormat, path))
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
                    entities = result.Entities.Select(m => new { type = m.Type.ToName(), value = m.Value, raw = m.Raw, start = m.Start, end = m.End, confidence = Math.Round(m.Confidence, 3) }),
                    attributes = result.Attributes.Select(a => new { kind = a.Kind.ToString().ToLowerInvariant(), value = a.Value, raw = a.Raw, start = a.Start, end = a.End }),
                }, JsonOptions));
            }

            return Task.FromResult(failed > 0 ? ExitCodes.Failure : ExitCodes.Success);
        });
        return command;
    }
}
