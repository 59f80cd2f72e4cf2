using NetworkAnalysis.Cli;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>Runs netan in-process with captured output.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Error)
    {
        public string All => Out + Error;
    }

    public static Task<Run> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public static async Task<Run> RunAsync(string[] args, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var code = await NetanApp.RunAsync(args, new CliContext(console, output, error, Interactive: false), ct);
        return new Run(code, output.ToString(), error.ToString());
    }
}
