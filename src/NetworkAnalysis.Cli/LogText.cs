using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Cli;

/// <summary>Makes hostile text safe for a log line or terminal: control characters and escape sequences as visible escapes
/// (<c>\x1B</c>), invisible formatting characters as markers (<c>⟦U+202E⟧</c>), one line, bounded length.</summary>
internal static class LogText
{
    public static string Safe(string text, int max = 500)
    {
        var safe = VisibleText.ForTerminal(text ?? "");
        return safe.Length <= max ? safe : safe[..max] + "…";
    }
}
