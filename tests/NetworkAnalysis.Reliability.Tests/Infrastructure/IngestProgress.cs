using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Reliability.Tests.Infrastructure;

/// <summary>How far an ingest running in another process has committed, read from the case without disturbing it.</summary>
internal static class IngestProgress
{
    /// <summary>Rows read by every source so far (the committed row counter); 0 while the file or its schema is being created.</summary>
    public static long CommittedRows(string casePath)
    {
        if (!File.Exists(casePath))
        {
            return 0;
        }

        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = casePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 1 }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT ifnull(sum(rows_read), 0) FROM sources;";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The writer is creating the file or its schema right now.
            return 0;
        }
    }

    /// <summary>Polls the committed row counter until it reaches <paramref name="target"/>, the process ends, or <paramref name="guard"/> passes.</summary>
    public static long WaitForRows(string casePath, long target, Process p, TimeSpan guard)
    {
        var deadline = Stopwatch.StartNew();
        long rows = 0;
        while (!p.HasExited && deadline.Elapsed < guard)
        {
            rows = CommittedRows(casePath);
            if (rows >= target)
            {
                break;
            }

            Thread.Sleep(20);
        }

        return rows;
    }
}
