using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

public static partial class CaseDoctor
{
    private const int ChunkRows = 5_000;
    private const long MaxSkip = 1L << 40;

    /// <summary>Copies every readable row of <paramref name="table"/>, skipping unreadable rowid ranges.</summary>
    /// <returns>Rows copied, and how many unreadable ranges were skipped.</returns>
    private static (long Rows, long DamagedRanges) CopyTable(SqliteConnection source, SqliteConnection target, string table, CancellationToken ct)
    {
        var (columns, rowidAlias) = Columns(target, table);
        var names = string.Join(", ", columns.Select(Quote));
        // Keep rowids (other tables point at them); a rowid alias column already carries it.
        var select = $"SELECT rowid{(columns.Count > 0 ? ", " + names : "")} FROM {Quote(table)} WHERE rowid > $last ORDER BY rowid LIMIT {ChunkRows};";
        var insertColumns = rowidAlias ? names : "rowid" + (columns.Count > 0 ? ", " + names : "");
        var placeholders = string.Join(", ", Enumerable.Range(rowidAlias ? 1 : 0, columns.Count + (rowidAlias ? 0 : 1)).Select(i => "$p" + i));
        using var insert = target.CreateCommand();
        insert.CommandText = $"INSERT OR IGNORE INTO {Quote(table)} ({insertColumns}) VALUES ({placeholders});";
        for (var i = rowidAlias ? 1 : 0; i <= columns.Count; i++)
        {
            insert.Parameters.Add(new SqliteParameter("$p" + i, null));
        }

        long last = 0, rows = 0, ranges = 0, step = 1;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var got = 0;
            var failed = false;
            using (var tx = target.BeginTransaction())
            {
                insert.Transaction = tx;
                try
                {
                    using var cmd = source.CreateCommand();
                    cmd.CommandText = select;
                    cmd.Parameters.AddWithValue("$last", last);
                    using var r = cmd.ExecuteReader();
                    while (r.Read())
                    {
                        var rowid = r.GetInt64(0);
                        if (rowid <= last)
                        {
                            // A torn page can hand back rows out of order (zeroed cells read as rowid 0): taking
                            // them would rewind the scan and read the same range again without end.
                            failed = true;
                            break;
                        }

                        for (var i = rowidAlias ? 1 : 0; i <= columns.Count; i++)
                        {
                            insert.Parameters[rowidAlias ? i - 1 : i].Value = r.GetValue(i);
                        }

                        rows += insert.ExecuteNonQuery();
                        last = rowid;
                        got++;
                    }
                }
                catch (SqliteException)
                {
                    failed = true;
                }

                tx.Commit();
            }

            if (!failed)
            {
                if (got < ChunkRows)
                {
                    return (rows, ranges);
                }

                step = 1;
                continue;
            }

            ranges++;
            if (got > 0)
            {
                step = 1;
            }

            // Probe ever further ahead for the next rowid SQLite can reach; a failed probe doubles the jump.
            while (true)
            {
                if (step > MaxSkip || last > long.MaxValue - step)
                {
                    return (rows, ranges);
                }

                try
                {
                    using var probe = source.CreateCommand();
                    probe.CommandText = $"SELECT rowid FROM {Quote(table)} WHERE rowid > $from ORDER BY rowid LIMIT 1;";
                    probe.Parameters.AddWithValue("$from", last + step);
                    if (probe.ExecuteScalar() is not long next)
                    {
                        return (rows, ranges);
                    }

                    if (next <= last + step)
                    {
                        // The same damage in a probe's answer counts as a failed probe.
                        step *= 2;
                        continue;
                    }

                    last = next - 1;
                    // Should that very row be unreadable, the next failure skips just it.
                    step = 2;
                    break;
                }
                catch (SqliteException)
                {
                    step *= 2;
                }
            }
        }
    }

    private static (List<string> Columns, bool RowidAlias) Columns(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        var pkColumns = new List<(string Name, string Type)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({Quote(table)});";
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                columns.Add(r.GetString(1));
                if (r.GetInt64(5) > 0)
                {
                    pkColumns.Add((r.GetString(1), r.GetString(2)));
                }
            }
        }

        // An INTEGER PRIMARY KEY column is the rowid itself: put it first so the rowid read fills it.
        var alias = pkColumns is [var pk] && pk.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
        if (alias)
        {
            columns.Remove(pkColumns[0].Name);
            columns.Insert(0, pkColumns[0].Name);
        }

        return (columns, alias);
    }
}
