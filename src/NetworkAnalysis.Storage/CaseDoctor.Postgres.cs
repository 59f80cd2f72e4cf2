using System.Globalization;
using System.Text.RegularExpressions;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Storage;

public static partial class CaseDoctor
{
    /// <summary>
    /// Runs the checks that mean something for a case on a PostgreSQL server (issue #22): the schema, references between
    /// tables, the secondary indexes, rows per table, the audit chain, unfinished ingests and stored phone details.
    /// </summary>
    /// <remarks>
    /// A case file's own checks (the file header, a stray write-ahead log, SQLite's <c>integrity_check</c>) have no
    /// counterpart here: pages and indexes are the server's to check (PostgreSQL's <c>amcheck</c>, data checksums), and a
    /// finding says so rather than passing them silently. Nothing is written; the case is opened read-only.
    /// </remarks>
    /// <param name="locator">A <c>postgresql://</c> case locator.</param>
    /// <param name="ct">Cancels between checks.</param>
    /// <exception cref="CaseStoreException">The server cannot be reached, or the schema holds no case.</exception>
    public static DoctorReport ExaminePostgres(string locator, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(locator);
        var shown = PostgresCaseLocator.Mask(locator);
        var findings = new List<DoctorFinding>();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        // A server that cannot be reached, or a schema without a case, throws as every command on such a locator does.
        using (var store = CaseStore.OpenReadOnly(locator))
        {
            findings.Add(new(DoctorSeverity.Info, "server", Scalar(store, "SELECT current_schema() || ' on ' || version();")?.Split(',')[0] ?? "connected"));
            findings.Add(new(DoctorSeverity.Info, "integrity",
                "pages and indexes are the PostgreSQL server's to check (amcheck, data checksums); not examined here"));
            var tables = Names(store, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE';");
            var version = Scalar(store, "SELECT value FROM meta WHERE key = 'schema_version';");
            findings.Add(version is null
                ? new(DoctorSeverity.Warning, "schema", "the meta table records no schema_version")
                : new(DoctorSeverity.Info, "schema", $"NetworkAnalysis case, schema version {version}"));
            CheckReferences(store, tables, findings, ct);
            var indexes = Names(store, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema();");
            var missing = SchemaIndexes().Where(i => tables.Contains(i.Table) && !indexes.Contains(i.Name)).Select(i => i.Name).ToList();
            if (missing.Count > 0)
            {
                findings.Add(new(DoctorSeverity.Info, "indexes",
                    $"{missing.Count} secondary {(missing.Count == 1 ? "index is" : "indexes are")} missing ({string.Join(", ", missing)}): lookups that use them are slow"));
            }

            foreach (var table in tables.Order(StringComparer.Ordinal))
            {
                ct.ThrowIfCancellationRequested();
                rows[table] = Convert.ToInt64(Scalar(store, $"SELECT count(*) FROM {Quote(table)};"), CultureInfo.InvariantCulture);
            }

            if (tables.Contains("audit"))
            {
                var audit = store.VerifyAudit();
                findings.Add(audit.IsIntact
                    ? new(DoctorSeverity.Info, "audit", $"audit chain intact: {audit.Entries:N0} entries{(audit.HeadHash is { } h ? ", head " + h : "")}")
                    : new(DoctorSeverity.Error, "audit", $"audit chain broken at entry {audit.FirstBrokenSequence}: {audit.Problem}"));
            }
            else if (rows.GetValueOrDefault("runs") > 0 || rows.GetValueOrDefault("sources") > 0)
            {
                findings.Add(new(DoctorSeverity.Error, "audit", "the audit table is missing although the case holds work: it was dropped"));
            }

            if (tables.Contains("sources"))
            {
                using var cmd = store.Command("SELECT path, rows_read FROM sources WHERE completed_at IS NULL ORDER BY id;");
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    findings.Add(new(DoctorSeverity.Warning, "ingest",
                        $"the ingest of {r.GetString(0)} has not completed ({r.GetInt64(1):N0} rows read so far): run `netan ingest` on it again (each --shard worker resumes its own part)"));
                }
            }

            if (tables.Contains("entities") && tables.Contains("phone_details"))
            {
                var undescribed = Convert.ToInt64(Scalar(store,
                    "SELECT count(*) FROM entities e WHERE e.type = $t AND NOT EXISTS (SELECT 1 FROM phone_details d WHERE d.entity = e.id);",
                    ("$t", EntityType.Phone.ToName())), CultureInfo.InvariantCulture);
                if (undescribed > 0)
                {
                    findings.Add(new(DoctorSeverity.Info, "phone-details",
                        $"{undescribed:N0} phone numbers have no stored region and type: the next read-write use of the case (any netan command on it but doctor) stores them; until then they are computed on read"));
                }
            }
        }

        return new DoctorReport(shown, findings, rows);
    }

    /// <summary>Every <c>REFERENCES</c> of the case schema checked by a join: rows whose parent row is missing. A PostgreSQL
    /// case declares no foreign keys (its tables are loaded by COPY and written by many workers), so this is the only check.</summary>
    private static void CheckReferences(CaseStore store, HashSet<string> tables, List<DoctorFinding> findings, CancellationToken ct)
    {
        var broken = 0;
        foreach (var (child, column, parent, key) in SchemaReferences().Where(r => tables.Contains(r.Child) && tables.Contains(r.Parent)))
        {
            ct.ThrowIfCancellationRequested();
            var count = Convert.ToInt64(Scalar(store,
                $"SELECT count(*) FROM {Quote(child)} c WHERE c.{Quote(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {Quote(parent)} p WHERE p.{Quote(key)} = c.{Quote(column)});"),
                CultureInfo.InvariantCulture);
            if (count > 0)
            {
                broken++;
                findings.Add(new(DoctorSeverity.Warning, "foreign-keys", $"{count:N0} rows break the reference {child} -> {parent} (the row they point to is missing)"));
            }
        }

        if (broken == 0)
        {
            findings.Add(new(DoctorSeverity.Info, "foreign-keys", "every reference resolves"));
        }
    }

    /// <summary>The references <see cref="CaseSchema.Create"/> declares: child table and column, parent table and key.</summary>
    internal static IEnumerable<(string Child, string Column, string Parent, string Key)> SchemaReferences() =>
        Regex.Matches(CaseSchema.Create, @"CREATE TABLE IF NOT EXISTS (\w+) \((.*?)\);", RegexOptions.Singleline)
            .SelectMany(t => Regex.Matches(t.Groups[2].Value, @"(\w+) INTEGER[^,]*?REFERENCES (\w+)\((\w+)\)")
                .Select(r => (t.Groups[1].Value, r.Groups[1].Value, r.Groups[2].Value, r.Groups[3].Value)));

    private static HashSet<string> Names(CaseStore store, string sql)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = store.Command(sql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    private static string? Scalar(CaseStore store, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = store.Command(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
    }
}
