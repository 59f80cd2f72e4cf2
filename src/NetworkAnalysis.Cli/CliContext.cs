using Spectre.Console;

namespace NetworkAnalysis.Cli;

/// <summary>Where a command writes: a Spectre console for humans, raw writers for machine-readable output.</summary>
/// <param name="Console">Tables, progress and messages for people.</param>
/// <param name="Out">Raw standard output (JSON, CSV, JSON Lines).</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">Whether a person watches a terminal (progress bars); otherwise plain lines.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The context of a real process.</summary>
    public static CliContext ForProcess()
    {
        var interactive = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(System.Console.Out),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return new CliContext(console, System.Console.Out, System.Console.Error, interactive);
    }
}
