namespace NetworkAnalysis.Cli;

/// <summary>Writes one CSV cell safely: RFC 4180 quoting, and a leading quote mark before anything a spreadsheet would run as a formula.</summary>
internal static class CsvCell
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // OWASP CSV injection: = + - @ tab CR at the start make spreadsheets evaluate the cell.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
