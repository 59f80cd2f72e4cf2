using System.Text;
using NetworkAnalysis.Core.Text;

namespace NetworkAnalysis.Cli;

/// <summary>A writer that passes text on with control characters (escape sequences, bells, C1 controls) written as visible
/// escapes such as <c>\x1B</c>: nothing the CLI prints can retitle, clear or recolour the analyst's terminal.</summary>
/// <remarks>
/// Wraps standard output and standard error for every command (<see cref="CliContext.TerminalSafe"/>). Line feeds,
/// tabs and carriage returns pass (CSV and JSON output keep their line structure). With <paramref name="markInvisible"/>
/// (standard error, and standard output on a terminal: read by people) invisible formatting characters are shown as
/// markers too; redirected standard output stays data for JSON and CSV consumers apart from control characters.
/// </remarks>
internal sealed class TerminalSafeWriter(TextWriter inner, bool markInvisible) : TextWriter
{
    /// <summary>The writer this one writes to.</summary>
    public TextWriter Inner => inner;

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <inheritdoc/>
    public override void Write(char value) => inner.Write(Neutralise(value.ToString()));

    /// <inheritdoc/>
    public override void Write(string? value) => inner.Write(Neutralise(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => inner.Write(Neutralise(new string(buffer, index, count)));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer) => inner.Write(Neutralise(buffer.ToString()));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => inner.WriteLine(Neutralise(value));

    /// <inheritdoc/>
    public override void WriteLine() => inner.WriteLine();

    /// <inheritdoc/>
    public override Task WriteAsync(string? value) => inner.WriteAsync(Neutralise(value));

    /// <inheritdoc/>
    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(Neutralise(value));

    /// <inheritdoc/>
    public override void Flush() => inner.Flush();

    /// <inheritdoc/>
    public override Task FlushAsync() => inner.FlushAsync();

    private string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var safe = true;
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not ('\n' or '\t' or '\r')) || (markInvisible && c >= '\u00A0'))
            {
                safe = false;
                break;
            }
        }

        if (safe)
        {
            return text;
        }

        if (markInvisible)
        {
            return VisibleText.ForTerminal(text.Replace("\r\n", "\n", StringComparison.Ordinal), keepLineBreaks: true).Replace("\n", inner.NewLine == "\r\n" ? "\r\n" : "\n", StringComparison.Ordinal);
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\t' or '\r'))
            {
                sb.Append(VisibleText.ForTerminal(c.ToString()));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
