using System.CommandLine;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan image-hash FILES...</c>: SHA-256, pHash and dHash per file, or why it could not be read.</summary>
internal static class ImageHashCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = new Argument<string[]>("files") { Description = "PNG or JPEG files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("image-hash", "Print each image's SHA-256, perceptual hash (pHash) and difference hash (dHash) in hex");
        command.Arguments.Add(files);
        command.SetAction(async (parse, ct) =>
        {
            var failed = false;
            foreach (var file in parse.GetValue(files)!)
            {
                var result = await ImageHasher.HashFileAsync(file, null, ct);
                var name = LogText.Safe(file, 200);
                if (result.Success)
                {
                    ctx.Out.WriteLine($"{name}\tsha256:{result.Hashes.Sha256}\tphash:{result.Hashes.PHashHex}\tdhash:{result.Hashes.DHashHex}");
                }
                else
                {
                    failed = true;
                    ctx.Out.WriteLine($"{name}\terror:{result.Error.Kind}\t{LogText.Safe(result.Error.Message, 200)}");
                }
            }

            return failed ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
