using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

/// <summary>Examines a case file for damage (truncation, corrupt pages, broken references, a tampered audit log) and repairs a copy.</summary>
/// <remarks>
/// Examining never writes to the case: it is opened read-only. Repairing writes a new file beside it and leaves the
/// damaged original untouched as evidence; the user swaps them after reading the repair's notes.
/// </remarks>
public static partial class CaseDoctor
{
    private const int MaxMessages = 20;

    /// <summary>Runs every check on the case file at <paramref name="path"/>.</summary>
    public static DoctorReport Examine(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var findings = new List<DoctorFinding>();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(full))
        {
            findings.Add(new(DoctorSeverity.Error, "file", $"{path} does not exist"));
            return new DoctorReport(path, findings, rows);
        }

        var header = CaseFileHeader.Read(full);
        if (header.Problem is { } problem)
        {
            findings.Add(new(DoctorSeverity.Error, "header", problem));
        }
        else
        {
            findings.Add(new(DoctorSeverity.Info, "header", $"SQLite file of {header.Length:N0} bytes, {header.PageSize:N0}-byte pages"));
        }

        var wal = new FileInfo(full + "-wal");
        if (wal.Exists && wal.Length > 0)
        {
            findings.Add(new(DoctorSeverity.Info, "wal",
                $"a write-ahead log of {wal.Length:N0} bytes is beside the file: the last writer did not close cleanly (killed or crashed); its committed transactions are replayed on the next open"));
        }

        if (header.PageSize == 0)
        {
            return new DoctorReport(path, findings, rows);
        }

        try
        {
            using var connection = OpenReadOnly(full);
            CheckIntegrity(connection, findings, ct);
            CheckForeignKeys(connection, findings);
            var tables = CheckSchema(connection, findings);
            CheckIndexes(connection, tables, findings);
            CountRows(connection, tables, rows, findings, ct);
            if (tables.Contains("audit"))
            {
                CheckAudit(connection, findings);
            }
            else if (rows.GetValueOrDefault("runs") > 0 || rows.GetValueOrDefault("sources") > 0 || RecordedAuditEntries(connection) is not null)
            {
                findings.Add(new(DoctorSeverity.Error, "audit", "the audit table is missing although the case holds work or recorded audit entries: it was dropped"));
            }

            if (tables.Contains("sources"))
            {
                CheckSources(connection, findings);
                CheckSourceCounters(connection, findings, ct);
            }
        }
        catch (SqliteException ex)
        {
            findings.Add(new(DoctorSeverity.Error, "integrity", $"SQLite cannot read the file: {ex.Message}"));
        }

        return new DoctorReport(path, findings, rows);
    }

    internal static SqliteConnection OpenReadOnly(string full)
    {
        var fileHandle = CaseFileHandles.Acquire(full, create: false);
        SqliteConnection connection;
        try
        {
            connection = CaseStore.OpenReadOnlyConnection(full, immutable: false);
            try
            {
                CaseStore.Execute(connection, "SELECT count(*) FROM sqlite_master;");
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 8 or 14)
            {
                // A read-only medium: the -shm file cannot be created, and nothing can change the file there.
                connection.Dispose();
                connection = CaseStore.OpenReadOnlyConnection(full, immutable: true);
            }
            catch (SqliteException)
            {
                // Damage, not a read-only medium: the checks (or the salvage, with writable_schema) deal with it.
            }
        }
        catch
        {
            fileHandle.Dispose();
            throw;
        }

        connection.Disposed += (_, _) => fileHandle.Dispose();
        return connection;
    }

    private static void CheckIntegrity(SqliteConnection connection, List<DoctorFinding> findings, CancellationToken ct)
    {
        var messages = new List<string>();
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA integrity_check({MaxMessages});";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                messages.Add(r.IsDBNull(0) ? "" : r.GetString(0));
            }
        }
        catch (SqliteException ex)
        {
            findings.Add(new(DoctorSeverity.Error, "integrity", $"integrity_check could not finish: {ex.Message}"));
            return;
        }

        if (messages is ["ok"])
        {
            findings.Add(new(DoctorSeverity.Info, "integrity", "integrity_check: ok"));
            return;
        }

        foreach (var message in messages)
        {
            findings.Add(new(DoctorSeverity.Error, "integrity", message));
        }
    }

    private static void CheckForeignKeys(SqliteConnection connection, List<DoctorFinding> findings)
    {
        var orphans = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_key_check;";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = $"{r.GetString(0)} -> {r.GetString(2)}";
                orphans[key] = orphans.GetValueOrDefault(key) + 1;
            }
        }
        catch (SqliteException ex)
        {
            findings.Add(new(DoctorSeverity.Error, "foreign-keys", $"foreign_key_check could not finish: {ex.Message}"));
            return;
        }

        foreach (var (link, count) in orphans)
        {
            findings.Add(new(DoctorSeverity.Warning, "foreign-keys", $"{count:N0} rows break the reference {link} (the row they point to is missing)"));
        }

        if (orphans.Count == 0)
        {
            findings.Add(new(DoctorSeverity.Info, "foreign-keys", "foreign_key_check: ok"));
        }
    }

    private static HashSet<string> CheckSchema(SqliteConnection connection, List<DoctorFinding> findings)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }

        if (!tables.Contains("meta"))
        {
            findings.Add(new(DoctorSeverity.Error, "schema", "this SQLite database has no meta table: it is not a NetworkAnalysis case file"));
            return tables;
        }

        using var version = connection.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version';";
        var v = version.ExecuteScalar() as string;
        findings.Add(v is null
            ? new(DoctorSeverity.Warning, "schema", "the meta table records no schema_version")
            : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > CaseSchema.Version
                ? new(DoctorSeverity.Warning, "schema", $"written by a newer NetworkAnalysis (schema {v}, this build knows {CaseSchema.Version})")
                : new(DoctorSeverity.Info, "schema", $"NetworkAnalysis case, schema version {v}"));
        return tables;
    }

    /// <summary>Names the secondary indexes of the schema that are missing: an ingest killed between dropping its deferrable
    /// indexes and building them again leaves them so (#21). Not damage: every read-write open builds them again.</summary>
    private static void CheckIndexes(SqliteConnection connection, HashSet<string> tables, List<DoctorFinding> findings)
    {
        if (!tables.Contains("meta"))
        {
            return;
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index';";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                present.Add(r.GetString(0));
            }
        }

        using (var stored = connection.CreateCommand())
        {
            stored.CommandText = "SELECT (SELECT value FROM meta WHERE key = 'phone_details') IS NULL AND EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entities');";
            if (Convert.ToInt64(stored.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
            {
                findings.Add(new(DoctorSeverity.Info, "phone-details",
                    "the case was written before phone region and type were stored: the next read-write open (any netan command on the case but doctor) stores them; until then they are computed on read"));
            }
        }

        var missing = SchemaIndexes().Where(i => tables.Contains(i.Table) && !present.Contains(i.Name)).Select(i => i.Name).ToList();
        foreach (var (name, table, _, exists) in CaseSchema.Keys.Where(k => tables.Contains(k.Table)))
        {
            // A table's unique key: its constraint in a case created before change 9 (#21), else a named index that a bulk
            // ingest drops while it runs.
            using var key = connection.CreateCommand();
            key.CommandText = exists;
            if (Convert.ToInt64(key.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            findings.Add(new(DoctorSeverity.Info, "indexes",
                $"{missing.Count} secondary {(missing.Count == 1 ? "index is" : "indexes are")} missing ({string.Join(", ", missing)}), as an ingest stopped "
                + "before it rebuilt them leaves a case: lookups are slow until the next read-write open (any netan command on the case but doctor) builds them again"));
        }
    }

    /// <summary>The indexes <see cref="CaseSchema.Create"/> makes, with their tables.</summary>
    private static IEnumerable<(string Name, string Table)> SchemaIndexes() =>
        System.Text.RegularExpressions.Regex.Matches(CaseSchema.Create, @"CREATE INDEX IF NOT EXISTS (\w+) ON (\w+)\(")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    private static void CountRows(SqliteConnection connection, HashSet<string> tables, SortedDictionary<string, long> rows, List<DoctorFinding> findings, CancellationToken ct)
    {
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT count(*) FROM {Quote(table)};";
                rows[table] = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            catch (SqliteException ex)
            {
                findings.Add(new(DoctorSeverity.Error, "tables", $"table {table} cannot be read to the end: {ex.Message}"));
            }
        }
    }

    private static void CheckAudit(SqliteConnection connection, List<DoctorFinding> findings)
    {
        var entries = new List<AuditEntry>();
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT seq, at, actor, action, target, details, prev_hash, hash FROM audit ORDER BY seq;";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                entries.Add(new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetString(7)));
            }
        }
        catch (SqliteException ex)
        {
            findings.Add(new(DoctorSeverity.Error, "audit", $"the audit log cannot be read: {ex.Message}"));
            return;
        }

        var result = AuditChain.Verify(entries);
        if (result.IsIntact)
        {
            if (CaseStore.MissingAuditEntries(RecordedAuditEntries(connection), result.Entries) is { } missing)
            {
                findings.Add(new(DoctorSeverity.Error, "audit", missing));
                return;
            }
        }

        findings.Add(result.IsIntact
            ? new(DoctorSeverity.Info, "audit", $"audit chain intact: {result.Entries:N0} entries{(result.HeadHash is { } h ? ", head " + h : "")}")
            : new(DoctorSeverity.Error, "audit", $"audit chain broken at entry {result.FirstBrokenSequence}: {result.Problem}"));
    }

    /// <summary>How many audit entries the case recorded in its meta table, or null (none recorded, or no meta table).</summary>
    private static string? RecordedAuditEntries(SqliteConnection connection)
    {
        try
        {
            using var meta = connection.CreateCommand();
            meta.CommandText = "SELECT value FROM meta WHERE key = 'audit_entries';";
            return meta.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static void CheckSources(SqliteConnection connection, List<DoctorFinding> findings)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT path, rows_read FROM sources WHERE completed_at IS NULL ORDER BY id;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            findings.Add(new(DoctorSeverity.Warning, "ingest",
                $"the ingest of {r.GetString(0)} stopped after {r.GetInt64(1):N0} rows: run `netan ingest` on it again to resume"));
        }
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
