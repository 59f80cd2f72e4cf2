using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

public static partial class CaseDoctor
{
    /// <summary>
    /// Re-reads each source's input file, when it is still there unchanged, and checks that every ad among the rows its
    /// counter says were read is in the case: a counter advanced past rows never written (two ingests at once, then a
    /// crash) makes a resume skip those ads for good, and only the file can show it.
    /// </summary>
    private static void CheckSourceCounters(SqliteConnection connection, List<DoctorFinding> findings, CancellationToken ct)
    {
        foreach (var (_, problem) in MiscountedSources(connection, ct))
        {
            findings.Add(new(DoctorSeverity.Warning, "sources", problem));
        }
    }

    /// <summary>The sources whose row counter does not match the ads in the case, with what is wrong.</summary>
    private static List<(long Id, string Problem)> MiscountedSources(SqliteConnection connection, CancellationToken ct)
    {
        var sources = new List<(long Id, string Path, string Sha, string Format, long RowsRead)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, path, sha256, format, rows_read FROM sources WHERE rows_read > 0 ORDER BY id;";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                sources.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4)));
            }
        }

        var miscounted = new List<(long, string)>();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT EXISTS (SELECT 1 FROM ads WHERE ad_key = $k);";
        var key = exists.Parameters.Add(new SqliteParameter("$k", ""));
        foreach (var source in sources)
        {
            if (SourceCountProblem(source.Path, source.Sha, source.Format, source.RowsRead, k =>
                {
                    key.Value = k;
                    return Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
                }, ct) is { } problem)
            {
                miscounted.Add((source.Id, problem));
            }
        }

        return miscounted;
    }

    private static string? SourceCountProblem(string path, string sha, string formatName, long rowsRead, Func<string, bool> inCase, CancellationToken ct)
    {
        if (!File.Exists(path) || !Enum.TryParse<AdInputFormat>(formatName, ignoreCase: true, out var format))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha, StringComparison.Ordinal))
        {
            return null;
        }

        stream.Position = 0;
        long rows = 0, missing = 0;
        int? firstMissingLine = null;
        // The reader the ingest counted its rows with: every format (a crawl's WARC, a workbook) reads, not only text rows.
        foreach (var item in new AdSourceReader().Read(stream, path, format))
        {
            ct.ThrowIfCancellationRequested();
            if (rows == rowsRead)
            {
                break;
            }

            rows++;
            // Rows the default reading cannot parse (an ingest with --map, say) are not judged; nor are failed rows.
            if (item.Ad is { } ad && !inCase(ad.Key))
            {
                missing++;
                firstMissingLine ??= ad.Line;
            }
        }

        if (rows < rowsRead)
        {
            return $"{path}: its row counter says {rowsRead:N0} rows were read, but the file has only {rows:N0} (two ingests of it ran at once?); " +
                (missing > 0 ? $"{missing:N0} of its ads are not in the case; " : "") +
                "`netan doctor --repair` writes a copy that re-reads it on the next `netan ingest`";
        }

        return missing == 0 ? null
            : $"{path}: {missing:N0} ads among the {rowsRead:N0} rows its counter says were read are not in the case (first at line {firstMissingLine}; two ingests of it ran at once, then one was stopped?), " +
              "and resuming would skip them; `netan doctor --repair` writes a copy that re-reads it on the next `netan ingest`";
    }
}
