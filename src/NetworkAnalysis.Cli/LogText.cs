using System.Text;

namespace NetworkAnalysis.Cli;

/// <summary>Makes hostile text safe for a log line or terminal: no control characters, no escape sequences, bounded length.</summary>
internal static class LogText
{
    public static string Safe(string text, int max = 500)
    {
        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text)
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }

            sb.Append(char.IsControl(c) || c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069' ? '\uFFFD' : c);
        }

        return sb.ToString();
    }
}
