using SQLitePCL;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>
    /// Inserts a full replacement's cluster rows on a case file through SQLite's own API (issue #21): three statements per
    /// cluster (clusters, components, cohesion; 14 values), prepared once, each row's values bound by position, stepped and
    /// reset. Through <c>DbCommand.ExecuteNonQuery</c> every row paid the provider's per-execution work (each parameter bound by
    /// name, a data reader per statement), which grows with the cluster count: 70,672 clusters at 1,000,000 ads, 358,249
    /// at 3,000,000. The values are bound as the provider binds them (integers as 64-bit integers, texts as UTF-8 through the
    /// same <c>sqlite3_bind_text</c>, doubles as doubles, null as NULL), so every row stores the same values and storage
    /// classes, in the same order (the rowids and ID-index appends as before).
    /// </summary>
    /// <remarks>A first version sent the rows as JSON through <c>json_each</c>, as the memberships go (13 <c>json_extract</c>s
    /// per row, and the cohesion, a REAL that must round-trip bit for bit, as an exact integer over a power of two): it cost
    /// more than the bound inserts (1.06 vs 0.77 CPU s of the analyze thread at 1M, one loaded run; not profiled further).</remarks>
    private sealed class ClusterRowRawWriter : IClusterRowWriter
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _cluster;
        private readonly sqlite3_stmt _component;
        private readonly sqlite3_stmt _cohesion;
        private readonly long _runId;

        public ClusterRowRawWriter(CaseStore store, long runId)
        {
            _db = store.Connection.Handle!;
            _runId = runId;
            _cluster = Prepare(_db, """
                INSERT INTO clusters(id, run_id, size, phones, emails, entities, cities, city_count, first_seen, last_seen)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);
                """);
            _component = Prepare(_db, "INSERT INTO cluster_components(cluster_id, component_id) VALUES (?1, ?2);");
            _cohesion = Prepare(_db, "INSERT INTO cluster_cohesion(cluster_id, cohesion) VALUES (?1, ?2);");
        }

        public void Write(ClusterRow row)
        {
            Check(_db, raw.sqlite3_bind_text(_cluster, 1, row.Id));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 2, _runId));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 3, row.Size));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 4, row.Phones));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 5, row.Emails));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 6, row.Entities));
            Check(_db, raw.sqlite3_bind_text(_cluster, 7, row.Cities));
            Check(_db, raw.sqlite3_bind_int64(_cluster, 8, row.CityCount));
            BindTextOrNull(_db, _cluster, 9, row.First);
            BindTextOrNull(_db, _cluster, 10, row.Last);
            Step(_db, _cluster);
            Check(_db, raw.sqlite3_bind_text(_component, 1, row.Id));
            Check(_db, raw.sqlite3_bind_text(_component, 2, row.Component));
            Step(_db, _component);
            Check(_db, raw.sqlite3_bind_text(_cohesion, 1, row.Id));
            Check(_db, raw.sqlite3_bind_double(_cohesion, 2, row.Cohesion));
            Step(_db, _cohesion);
        }

        public void Dispose()
        {
            _cluster.Dispose();
            _component.Dispose();
            _cohesion.Dispose();
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

    private static void BindTextOrNull(sqlite3 db, sqlite3_stmt stmt, int index, string? value)
        => Check(db, SqliteStatements.BindTextOrNull(stmt, index, value));

    private static void Step(sqlite3 db, sqlite3_stmt stmt) => SqliteStatements.Step(db, stmt);

    private static void Check(sqlite3 db, int rc) => Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
}
