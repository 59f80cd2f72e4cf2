using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>Checks that a case holds only whole batches: every ad with all of its mentions, counters matching rows.</summary>
internal static class CaseChecks
{
    /// <summary>Each ad's mentions as one string, keyed by ad key.</summary>
    public static Dictionary<string, string> MentionsByAd(string casePath)
    {
        using var c = Open(casePath);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT a.ad_key, e.type, e.value, ifnull(m.start,-1), ifnull(m.end,-1), m.raw
            FROM ads a LEFT JOIN mentions m ON m.ad = a.id LEFT JOIN entities e ON e.id = m.entity
            ORDER BY 1, 4, 5, 2, 3
            """;
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        while (r.Read())
        {
            var key = r.GetString(0);
            if (!result.TryGetValue(key, out var sb))
            {
                result[key] = sb = new StringBuilder();
            }

            if (!r.IsDBNull(1))
            {
                sb.Append(r.GetString(1)).Append(':').Append(r.GetString(2)).Append(':').Append(r.GetInt64(3)).Append(':').Append(r.GetInt64(4)).Append('|');
            }
        }

        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>(ads, rows_read, rows_added, rows_failed, row errors in ingest_errors) for the case's only source.</summary>
    /// <remarks>Image errors (field <c>images</c>) belong to ads that were ingested, so they are not row errors.</remarks>
    public static (long Ads, long RowsRead, long RowsAdded, long RowsFailed, long Errors) Counters(string casePath)
    {
        using var c = Open(casePath);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT count(*) FROM ads), ifnull(sum(rows_read),0), ifnull(sum(rows_added),0), ifnull(sum(rows_failed),0),
                   (SELECT count(*) FROM ingest_errors WHERE field IS NOT 'images') FROM sources
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
    }

    public static string QuickCheck(string casePath)
    {
        using var c = Open(casePath);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return c;
    }
}
