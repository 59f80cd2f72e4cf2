using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Evaluation;

/// <summary>Reads a ground-truth file: CSV with header <c>ad_id,group_id[,group_kind]</c>.</summary>
public static class GroundTruth
{
    /// <summary>Reads the file's rows into ad ID to group ID (and group kind when present).</summary>
    /// <exception cref="FormatException">The header lacks ad_id or group_id, or a row is malformed (message names the line).</exception>
    public static IReadOnlyDictionary<string, (string Group, string? Kind)> Read(TextReader reader, string fileName)
    {
        var rows = new DelimitedRowReader(reader, ',', 1 << 20, 64);
        var truth = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        int adColumn = -1, groupColumn = -1, kindColumn = -1;
        foreach (var record in rows.ReadAll())
        {
            if (record.Fields is null)
            {
                throw new FormatException($"{fileName}:{record.Line}: {record.Error}");
            }

            if (adColumn < 0)
            {
                var header = record.Fields.Select(f => f.Trim()).ToList();
                adColumn = header.IndexOf("ad_id");
                groupColumn = header.IndexOf("group_id");
                kindColumn = header.IndexOf("group_kind");
                if (adColumn < 0 || groupColumn < 0)
                {
                    throw new FormatException($"{fileName}:{record.Line}: expected a header with ad_id and group_id columns");
                }

                continue;
            }

            if (record.Fields.Length <= Math.Max(adColumn, groupColumn))
            {
                throw new FormatException($"{fileName}:{record.Line}: expected at least {Math.Max(adColumn, groupColumn) + 1} columns");
            }

            truth[record.Fields[adColumn]] = (record.Fields[groupColumn], kindColumn >= 0 && kindColumn < record.Fields.Length ? record.Fields[kindColumn] : null);
        }

        return truth;
    }
}
