using System.CommandLine;
using Spectre.Console;
using System.Text;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Generation.Images;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan generate</c>: writes a synthetic corpus (ads.jsonl) and its ground truth (truth.csv).</summary>
internal static class GenerateCommand
{
    /// <summary>A new <c>--ads</c> option (also used by demo; options are never shared between commands or trees).</summary>
    public static Option<int> AdsOption() => new Option<int>("--ads", "-n") { Description = "Number of ads", DefaultValueFactory = _ => 20_000 }.AtLeast(0);

    /// <summary>A new <c>--seed</c> option (also used by demo and bench).</summary>
    public static Option<int> SeedOption() => new("--seed") { Description = "Random seed; the same seed gives identical files", DefaultValueFactory = _ => 42 };

    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var adCount = AdsOption();
        var seed = SeedOption();
        var output = new Option<string>("--out", "-o") { Description = "Output folder", DefaultValueFactory = _ => "data/generated" }.Kind(ValueKind.OutputFolder);
        var command = new Command("generate", "Write a synthetic ad corpus with known rings, independent posters and hubs (fictional identifiers only)");
        command.Options.Add(adCount);
        command.Options.Add(seed);
        command.Options.Add(output);
        var images = new Option<string?>("--images")
        {
            Description = "Also write the ads' photos (PNG and JPEG, with repost variants) into this folder, which must lie inside --out "
                + "(e.g. --out corpus --images corpus/img); the ads' images field then names them relative to ads.jsonl",
        }.Kind(ValueKind.OutputFolder);
        command.Options.Add(images);
        var format = new Option<CorpusFormat>("--format")
        {
            Description = "Also write the corpus as: html (saved pages, two site layouts), warc (a WARC.gz crawl with the photos), "
                + "cdr (crawl records, JSON Lines), xlsx (a workbook); html, warc and cdr include re-crawls that change text, phone or photos",
            DefaultValueFactory = _ => CorpusFormat.Jsonl,
        };
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var options = new CorpusOptions { Ads = parse.GetValue(adCount), Seed = parse.GetValue(seed) };
            if (options.Ads < 0)
            {
                throw new CliError("--ads must be zero or more");
            }

            var folder = parse.GetValue(output)!;
            var imageFolder = parse.GetValue(images) is { } dir ? ImageFolder(folder, dir) : null;
            var (ads, truth, photos) = Write(options, folder, imageFolder);
            var written = WriteFormat(parse.GetValue(format), options, folder);
            if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLineInterpolated($"Wrote [bold]{options.Ads:N0}[/] ads to {ads} and ground truth to {truth}");
                if (written is not null)
                {
                    ctx.Console.MarkupLineInterpolated($"Wrote the same ads as {written}");
                }

                if (imageFolder is not null)
                {
                    ctx.Console.MarkupLineInterpolated($"Wrote [bold]{photos:N0}[/] photos to {Path.Combine(folder, imageFolder)}");
                    if (ImageCodec.JpegUnavailableReason is { } reason)
                    {
                        ctx.Console.MarkupLineInterpolated($"[yellow]{reason}: all photos are PNG and none is re-encoded.[/]");
                    }
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Generates and writes the corpus; returns the two file paths.</summary>
    public static (string Ads, string Truth) Write(CorpusOptions options, string folder)
    {
        var (ads, truth, _) = Write(options, folder, null);
        return (ads, truth);
    }

    /// <summary>Writes the corpus in another format beside ads.jsonl; returns what was written, or null for jsonl alone.</summary>
    internal static string? WriteFormat(CorpusFormat format, CorpusOptions options, string folder)
    {
        if (format == CorpusFormat.Jsonl)
        {
            return null;
        }

        var corpus = CorpusGenerator.Generate(options);
        switch (format)
        {
            case CorpusFormat.Html:
                var pages = NetworkAnalysis.Core.Generation.Formats.CorpusFormatWriter.WriteHtml(NetworkAnalysis.Core.Generation.Formats.CorpusPages.Captures(corpus, options.Seed), folder);
                return $"{pages:N0} saved pages under {Path.Combine(folder, "pages")}";
            case CorpusFormat.Warc:
                var warc = Path.Combine(folder, "crawl.warc.gz");
                NetworkAnalysis.Core.Generation.Formats.CorpusFormatWriter.WriteWarc(NetworkAnalysis.Core.Generation.Formats.CorpusPages.Captures(corpus, options.Seed), warc);
                return warc;
            case CorpusFormat.Cdr:
                var cdr = Path.Combine(folder, "crawl.cdr.jsonl");
                using (var writer = new StreamWriter(cdr, false, new UTF8Encoding(false)))
                {
                    NetworkAnalysis.Core.Generation.Formats.CorpusFormatWriter.WriteCrawlRecords(NetworkAnalysis.Core.Generation.Formats.CorpusPages.Captures(corpus, options.Seed), writer);
                }

                return cdr;
            default:
                var xlsx = Path.Combine(folder, "ads.xlsx");
                NetworkAnalysis.Core.Generation.Formats.CorpusFormatWriter.WriteXlsx(corpus, xlsx);
                return xlsx;
        }
    }

    /// <summary>The photo folder relative to the output folder (forward slashes); refuses one outside it.</summary>
    /// <remarks>DIR is a path like every other path option (relative to the current folder), as the README shows:
    /// <c>--out corpus --images corpus/img</c> writes into corpus/img.</remarks>
    private static string ImageFolder(string output, string images)
    {
        var root = Path.GetFullPath(output);
        var full = Path.GetFullPath(images);
        var relative = Path.GetRelativePath(root, full);
        if (Path.IsPathRooted(relative) || relative == "." || relative.Split(Path.DirectorySeparatorChar).Contains(".."))
        {
            throw new CliError($"--images must name a folder inside the output folder {output} (the ads name photos relative to ads.jsonl), not {images}");
        }

        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Generates and writes the corpus, and its photos when <paramref name="imageFolder"/> is set.</summary>
    private static (string Ads, string Truth, int Photos) Write(CorpusOptions options, string folder, string? imageFolder)
    {
        Directory.CreateDirectory(folder);
        var corpus = CorpusGenerator.Generate(options);
        var photos = 0;
        if (imageFolder is not null)
        {
            var (withPhotos, files) = CorpusPhotos.Plan(corpus, imageFolder, ImageCodec.JpegAvailable);
            corpus = withPhotos;
            Directory.CreateDirectory(Path.Combine(folder, imageFolder));
            var errors = new ImageError?[files.Count];
            Parallel.For(0, files.Count, i =>
            {
                using var stream = File.Create(Path.Combine(folder, files[i].RelativePath));
                errors[i] = SyntheticPhotoWriter.Write(files[i].PhotoId, files[i].Variant, files[i].Format, stream);
            });
            if (errors.Select((e, i) => (e, i)).FirstOrDefault(x => x.e is not null) is ({ } error, var at))
            {
                throw new CliError($"could not write {files[at].RelativePath}: {error}");
            }

            photos = files.Count;
        }

        var adsPath = Path.Combine(folder, "ads.jsonl");
        var truthPath = Path.Combine(folder, "truth.csv");
        using (var writer = new StreamWriter(adsPath, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(corpus, writer, imagePaths: imageFolder is not null);
        }

        using (var writer = new StreamWriter(truthPath, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteTruth(corpus, writer);
        }

        return (adsPath, truthPath, photos);
    }
}
