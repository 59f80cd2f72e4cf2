using Spectre.Console;

namespace NetworkAnalysis.Cli;

/// <summary>Where a command writes: a Spectre console for humans, raw writers for machine-readable output.</summary>
/// <param name="Console">Tables, progress and messages for people.</param>
/// <param name="Out">Raw standard output (JSON, CSV, JSON Lines).</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">Whether a person watches a terminal (progress bars); otherwise plain lines.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>Whether <see cref="TerminalSafe"/> made this context.</summary>
    public bool IsTerminalSafe { get; private init; }

    /// <summary>This context with every output neutralised for the terminal: standard output and error through
    /// <see cref="TerminalSafeWriter"/>, the console through <see cref="TerminalSafeHook"/>. <see cref="NetanApp"/> applies it
    /// to every run, so no command can print a control sequence taken from its input. Machine-readable standard output
    /// (CSV, JSON) redirected to a file keeps invisible formatting characters as data; on a terminal they show as markers.</summary>
    public CliContext TerminalSafe()
    {
        if (IsTerminalSafe)
        {
            return this;
        }

        Console.Pipeline.Attach(new TerminalSafeHook());
        return this with { Out = new TerminalSafeWriter(Out, markInvisible: Interactive), Error = new TerminalSafeWriter(Error, markInvisible: true), IsTerminalSafe = true };
    }

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
