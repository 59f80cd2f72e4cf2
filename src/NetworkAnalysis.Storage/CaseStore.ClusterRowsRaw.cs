using SQLitePCL;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>
    /// Inserts a full replacement's cluster rows on a case file through SQLite's own API (issue #21): clusters, components
    /// and cohesion (14 values per cluster), <see cref="ClusterRowBatch"/> rows per statement of each table, prepared once,
    /// values bound by position, stepped and reset; the rows that do not fill a batch go one per statement. Through
    /// <c>DbCommand.ExecuteNonQuery</c> every row paid the provider's per-execution work (each parameter bound by name, a data
    /// reader per statement), which grows with the cluster count: 70,672 clusters at 1,000,000 ads, 1,750,197 at 10,000,000.
    /// Session 14: one row per statement cost 12.6 s at 10,000,000 ads where <c>sqlite3</c> inserts the same rows in 5.2 s
    /// (each execution opens and positions its cursors again), so each statement now takes a batch, and the texts are bound
    /// as UTF-8 from one reused buffer (the provider's string overload allocates an array per text). The values are bound
    /// as the provider binds them (integers as 64-bit integers, texts as UTF-8 with the same replacement of unpaired
    /// surrogates, doubles as doubles, null as NULL), in the same order, so every row stores the same values and storage
    /// classes under the same rowids, and the ID indexes are appended to as before.
    /// </summary>
    /// <remarks>A first version sent the rows as JSON through <c>json_each</c>, as the memberships go (13 <c>json_extract</c>s
    /// per row, and the cohesion, a REAL that must round-trip bit for bit, as an exact integer over a power of two): it cost
    /// more than the bound inserts (1.06 vs 0.77 CPU s of the analyze thread at 1M, one loaded run; not profiled further).</remarks>
    private void WriteClusterRowsRaw(long runId, IReadOnlyList<ClusterRow> rows)
    {
        var db = Connection.Handle!;
        var texts = new Utf8Binder();
        var full = rows.Count - (rows.Count % ClusterRowBatch);
        if (full > 0)
        {
            using var clusters = Prepare(db, ClusterInsert(ClusterRowBatch));
            using var components = Prepare(db, ComponentInsert(ClusterRowBatch));
            using var cohesion = Prepare(db, CohesionInsert(ClusterRowBatch));
            for (var i = 0; i < full; i += ClusterRowBatch)
            {
                WriteClusterRows(db, texts, clusters, components, cohesion, runId, rows, i, ClusterRowBatch);
            }
        }

        if (full < rows.Count)
        {
            using var clusters = Prepare(db, ClusterInsert(1));
            using var components = Prepare(db, ComponentInsert(1));
            using var cohesion = Prepare(db, CohesionInsert(1));
            for (var i = full; i < rows.Count; i++)
            {
                WriteClusterRows(db, texts, clusters, components, cohesion, runId, rows, i, 1);
            }
        }
    }

    /// <summary>Cluster rows per statement of a full replacement (<see cref="WriteClusterRowsRaw"/>; 640 parameters of clusters).</summary>
    /// <remarks>The inserts are <c>INSERT OR FAIL</c> (issue #21, session 18): a statement that writes many rows under the
    /// default conflict rule (ABORT) must be able to undo itself alone, so SQLite copies every page it changes that existed
    /// when it began (each of the six B-trees' rightmost leaf and its parents) into a statement journal first, 27,000
    /// statements per table at 10,000,000 ads. FAIL keeps what a failing statement wrote before the failure, which here is
    /// never kept: any failure ends the save and rolls back its transaction. In a harness writing the 1,750,197 rows of a
    /// 10M case this way: 4.9-5.6 s against 6.3-7.6 s (<c>/work/bench/rowsab</c>).</remarks>
    private const int ClusterRowBatch = 64;

    private static string ClusterInsert(int rows)
        => "INSERT OR FAIL INTO clusters(id, run_id, size, phones, emails, entities, cities, city_count, first_seen, last_seen) VALUES "
            + string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range((r * 10) + 1, 10).Select(p => "?" + p)) + ")")) + ";";

    private static string ComponentInsert(int rows)
        => "INSERT OR FAIL INTO cluster_components(cluster_id, component_id) VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r => $"(?{(2 * r) + 1}, ?{(2 * r) + 2})")) + ";";

    private static string CohesionInsert(int rows)
        => "INSERT OR FAIL INTO cluster_cohesion(cluster_id, cohesion) VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r => $"(?{(2 * r) + 1}, ?{(2 * r) + 2})")) + ";";

    /// <summary>Binds rows <paramref name="from"/> .. + <paramref name="count"/> to the three statements (each taking that many rows) and runs them.</summary>
    private static void WriteClusterRows(sqlite3 db, Utf8Binder texts, sqlite3_stmt clusters, sqlite3_stmt components, sqlite3_stmt cohesion,
        long runId, IReadOnlyList<ClusterRow> rows, int from, int count)
    {
        for (var r = 0; r < count; r++)
        {
            var row = rows[from + r];
            var p = r * 10;
            Check(db, texts.Bind(clusters, p + 1, row.Id));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 2, runId));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 3, row.Size));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 4, row.Phones));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 5, row.Emails));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 6, row.Entities));
            Check(db, texts.Bind(clusters, p + 7, row.Cities));
            Check(db, raw.sqlite3_bind_int64(clusters, p + 8, row.CityCount));
            Check(db, texts.Bind(clusters, p + 9, row.First));
            Check(db, texts.Bind(clusters, p + 10, row.Last));
        }

        Step(db, clusters);
        for (var r = 0; r < count; r++)
        {
            var row = rows[from + r];
            Check(db, texts.Bind(components, (2 * r) + 1, row.Id));
            Check(db, texts.Bind(components, (2 * r) + 2, row.Component));
        }

        Step(db, components);
        for (var r = 0; r < count; r++)
        {
            var row = rows[from + r];
            Check(db, texts.Bind(cohesion, (2 * r) + 1, row.Id));
            Check(db, raw.sqlite3_bind_double(cohesion, (2 * r) + 2, row.Cohesion));
        }

        Step(db, cohesion);
    }

    /// <summary>Binds texts as UTF-8 through one reused buffer (SQLite copies the bytes while binding), or NULL for null.</summary>
    private sealed class Utf8Binder
    {
        private byte[] _buffer = new byte[256];

        public int Bind(sqlite3_stmt stmt, int index, string? value)
        {
            if (value is null)
            {
                return raw.sqlite3_bind_null(stmt, index);
            }

            if (value.Length == 0)
            {
                // An empty span would pass a null pointer, which SQLite binds as NULL: the provider's overload for "".
                return raw.sqlite3_bind_text(stmt, index, value);
            }

            var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > _buffer.Length)
            {
                _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
            }

            var length = System.Text.Encoding.UTF8.GetBytes(value, _buffer);
            return raw.sqlite3_bind_text(stmt, index, new ReadOnlySpan<byte>(_buffer, 0, length));
        }
    }

    /// <summary>
    /// SQLite: the group counts of the linking identifiers that are not hubs (<c>entity_groups</c>: 56,845 rows at 1,000,000
    /// ads, growing with the identifiers) inserted through SQLite's own API, one prepared statement with two integers bound by
    /// position per row, in entity row order (appends; the table is keyed by entity, so the order changes nothing stored).
    /// </summary>
    private void WriteEntityGroupsRaw(CaseSnapshot snapshot, Core.Graphs.HubReport report)
    {
        var rows = new List<(long Entity, int Groups)>();
        for (var e = 0; e < report.GroupsJoined.Count; e++)
        {
            if (report.GroupsJoined[e] >= 2 && !report.IsHub(e))
            {
                rows.Add((snapshot.EntityRowIds[e], report.GroupsJoined[e]));
            }
        }

        rows.Sort();
        var db = Connection.Handle!;
        using var insert = Prepare(db, "INSERT INTO entity_groups(entity, groups_joined) VALUES (?1, ?2);");
        foreach (var (entity, groups) in rows)
        {
            Check(db, raw.sqlite3_bind_int64(insert, 1, entity));
            Check(db, raw.sqlite3_bind_int64(insert, 2, groups));
            Step(db, insert);
        }
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql) => SqliteStatements.Prepare(db, sql);

    private static void Step(sqlite3 db, sqlite3_stmt stmt) => SqliteStatements.Step(db, stmt);

    private static void Check(sqlite3 db, int rc) => Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
}
