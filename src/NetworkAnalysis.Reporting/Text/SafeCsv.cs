using System.Text;

namespace NetworkAnalysis.Reporting.Text;

/// <summary>RFC 4180 CSV cells that spreadsheets cannot execute as formulas.</summary>
/// <remarks>
/// A cell starting with <c>= + - @</c>, tab or carriage return is prefixed with an apostrophe (the OWASP
/// recommendation), so Excel, LibreOffice and Sheets show it as text. Every cell is quoted when it holds a quote,
/// comma, newline or leading/trailing space.
/// </remarks>
public static class SafeCsv
{
    /// <summary>Neutralises and quotes one cell.</summary>
    public static string Cell(string? value)
    {
        var v = Neutralise(value ?? "");
        return NeedsQuoting(v) ? Quote(v) : v;
    }

    /// <summary>Only the formula neutralisation, without CSV quoting.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? "'" + value : value;

    /// <summary>Writes one row of neutralised cells followed by a newline.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            writer.Write(Cell(cell));
            first = false;
        }

        writer.Write('\n');
    }

    /// <summary>Quotes a cell for CSV without neutralising formulas (for machine-read files such as Neo4j imports).</summary>
    public static string Plain(string? value)
    {
        var v = value ?? "";
        return NeedsQuoting(v) ? Quote(v) : v;
    }

    private static bool NeedsQuoting(string v) =>
        v.Length > 0 && (v.AsSpan().IndexOfAny(",\"\r\n") >= 0 || v[0] == ' ' || v[^1] == ' ');

    private static string Quote(string v)
    {
        var sb = new StringBuilder(v.Length + 2);
        sb.Append('"');
        foreach (var c in v)
        {
            sb.Append(c == '"' ? "\"\"" : c);
        }

        return sb.Append('"').ToString();
    }
}
