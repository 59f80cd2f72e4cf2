using System.CommandLine;
using Spectre.Console;
using System.Text;
using NetworkAnalysis.Core.Generation;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan generate</c>: writes a synthetic corpus (ads.jsonl) and its ground truth (truth.csv).</summary>
internal static class GenerateCommand
{
    public static readonly Option<int> Ads = new("--ads", "-n") { Description = "Number of ads", DefaultValueFactory = _ => 20_000 };
    public static readonly Option<int> Seed = new("--seed") { Description = "Random seed; the same seed gives identical files", DefaultValueFactory = _ => 42 };

    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out", "-o") { Description = "Output folder", DefaultValueFactory = _ => "data/generated" };
        var command = new Command("generate", "Write a synthetic ad corpus with known rings, independent posters and hubs (fictional identifiers only)");
        command.Options.Add(Ads);
        command.Options.Add(Seed);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var options = new CorpusOptions { Ads = parse.GetValue(Ads), Seed = parse.GetValue(Seed) };
            if (options.Ads < 0)
            {
                throw new CliError("--ads must be zero or more");
            }

            var (ads, truth) = Write(options, parse.GetValue(output)!);
            if (!parse.GetValue(GlobalOptions.Quiet))
            {
                ctx.Console.MarkupLineInterpolated($"Wrote [bold]{options.Ads:N0}[/] ads to {ads} and ground truth to {truth}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Generates and writes the corpus; returns the two file paths.</summary>
    public static (string Ads, string Truth) Write(CorpusOptions options, string folder)
    {
        Directory.CreateDirectory(folder);
        var corpus = CorpusGenerator.Generate(options);
        var adsPath = Path.Combine(folder, "ads.jsonl");
        var truthPath = Path.Combine(folder, "truth.csv");
        using (var writer = new StreamWriter(adsPath, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteJsonLines(corpus, writer);
        }

        using (var writer = new StreamWriter(truthPath, false, new UTF8Encoding(false)))
        {
            CorpusWriter.WriteTruth(corpus, writer);
        }

        return (adsPath, truthPath);
    }
}
