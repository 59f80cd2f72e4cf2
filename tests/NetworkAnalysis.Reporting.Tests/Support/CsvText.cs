using System.Text;

namespace NetworkAnalysis.Reporting.Tests.Support;

/// <summary>An independent RFC 4180 reader (quoted fields, doubled quotes, embedded newlines).</summary>
internal static class CsvText
{
    public static List<List<string?>> Parse(string text)
    {
        var rows = new List<List<string?>>();
        var row = new List<string?>();
        var cell = new StringBuilder();
        bool quoted = false, inQuotes = false, any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    inQuotes = quoted = any = true;
                    break;
                case ',':
                    row.Add(quoted || cell.Length > 0 ? cell.ToString() : null);
                    cell.Clear();
                    quoted = false;
                    any = true;
                    break;
                case '\n':
                    row.Add(quoted || cell.Length > 0 ? cell.ToString() : null);
                    rows.Add(row);
                    row = [];
                    cell.Clear();
                    quoted = any = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }

        if (any || cell.Length > 0)
        {
            row.Add(quoted || cell.Length > 0 ? cell.ToString() : null);
            rows.Add(row);
        }

        return rows;
    }
}
