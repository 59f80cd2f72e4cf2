using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public static partial class CaseDoctor
{
    /// <summary>Writes a repaired copy of the case at <paramref name="path"/> to <paramref name="outputPath"/>.</summary>
    /// <remarks>
    /// First tries <c>VACUUM INTO</c>, which copies every row and rebuilds every index (this repairs damaged indexes).
    /// When table pages are unreadable it salvages instead: each table is copied in rowid order, and an unreadable
    /// range is skipped by probing ever further ahead, so every row SQLite can still read is kept. Rows left
    /// pointing at lost rows are dropped from the copy, and sources are marked for re-reading so that ingesting
    /// the original input files again restores lost ads. The original is never modified.
    /// </remarks>
    /// <exception cref="CaseStoreException">The case is missing or unreadable as SQLite, or the output exists.</exception>
    public static DoctorRepairResult Repair(string path, string outputPath, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var full = Path.GetFullPath(path);
        var output = Path.GetFullPath(outputPath);
        if (!File.Exists(full))
        {
            throw new CaseStoreException($"case file not found: {path}");
        }

        if (File.Exists(output))
        {
            throw new CaseStoreException($"{outputPath} already exists; choose another output (the repair never overwrites a file)");
        }

        var notes = new List<string>();
        if (TryVacuum(full, output, notes) is { } vacuumed)
        {
            return vacuumed;
        }

        return Salvage(full, output, notes, ct);
    }

    private static DoctorRepairResult? TryVacuum(string full, string output, List<string> notes)
    {
        try
        {
            using (var source = OpenReadOnly(full))
            using (var cmd = source.CreateCommand())
            {
                cmd.CommandText = "VACUUM INTO $out;";
                cmd.Parameters.AddWithValue("$out", output);
                cmd.ExecuteNonQuery();
            }

            using var copy = OpenReadWrite(output);
            if (!Passes(copy))
            {
                notes.Add("VACUUM INTO wrote a copy that still fails its checks; salvaging row by row instead");
                copy.Close();
                DeleteOutput(output);
                return null;
            }

            notes.Add("every row was readable: the case was copied with VACUUM INTO, which rebuilds every index and page");
            MarkMiscountedSources(copy, notes);
            if (ForgetIncompletePhoneDetails(copy))
            {
                notes.Add("some phone numbers lost their stored region and type; the copy's next read-write open describes them again");
            }

            return new DoctorRepairResult(output, "vacuum", CountAll(copy), new Dictionary<string, long>(), 0, true, notes);
        }
        catch (SqliteException ex)
        {
            notes.Add($"VACUUM INTO failed ({ex.Message}); salvaging row by row instead");
            DeleteOutput(output);
            return null;
        }
    }

    private static DoctorRepairResult Salvage(string full, string output, List<string> notes, CancellationToken ct)
    {
        using var source = OpenReadOnly(full);
        // Without this SQLite refuses a file shorter than its header's page count outright; with it, the pages
        // that are present stay readable. The connection is read-only, so nothing can be written through it.
        CaseStore.Execute(source, "PRAGMA writable_schema = ON;");
        var schema = ReadSchema(source, notes);
        var recovered = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var damaged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var target = OpenReadWrite(output, create: true);
        CaseStore.Execute(target, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        foreach (var (_, sql) in schema.Where(s => s.Type == "table"))
        {
            // The copy is a new file, so the original's statements run as they are.
            CaseStore.Execute(target, sql + ";");
        }

        foreach (var table in TableNames(target))
        {
            var (rows, ranges) = CopyTable(source, target, table, ct);
            recovered[table] = rows;
            if (ranges > 0)
            {
                damaged[table] = ranges;
            }
        }

        foreach (var (type, sql) in schema.Where(s => s.Type != "table"))
        {
            try
            {
                CaseStore.Execute(target, sql + ";");
            }
            catch (SqliteException ex) when (type == "index")
            {
                // A unique index can fail when damage duplicated a value; the copy stays usable without it.
                notes.Add($"could not rebuild an index ({ex.Message}); the copy works without it");
            }
        }

        var torn = RemoveTornAds(target);
        if (torn > 0)
        {
            notes.Add($"{torn:N0} ads read back torn (text no longer matches title and body, or the raw row is blank) and were left out; re-ingesting restores them");
        }

        var orphans = RemoveOrphans(target);
        if (ForgetIncompletePhoneDetails(target))
        {
            notes.Add("some phone numbers lost their stored region and type; the copy's next read-write open describes them again");
        }

        if (damaged.Count > 0)
        {
            notes.Add($"unreadable ranges skipped: {string.Join(", ", damaged.Select(d => $"{d.Key} {d.Value}"))}");
        }

        if (orphans > 0)
        {
            notes.Add($"{orphans:N0} rows pointed at lost rows and were left out of the copy (they remain in the original)");
        }

        if (damaged.Count > 0 && recovered.ContainsKey("sources"))
        {
            // Lost ads come back by ingesting the input again: existing ads are kept as duplicates, lost ones re-added.
            CaseStore.Execute(target, """
                UPDATE sources SET completed_at = NULL, rows_read = 0, rows_failed = 0,
                    rows_added = (SELECT count(*) FROM ads WHERE ads.source_id = sources.id);
                """);
            notes.Add("every source is marked for re-reading: run `netan ingest` on the original input files to restore lost ads, then `netan analyze`");
        }

        if (damaged.Count == 0)
        {
            MarkMiscountedSources(target, notes);
        }

        CaseStore.Execute(target, "PRAGMA journal_mode = WAL;");
        var ok = Passes(target);
        return new DoctorRepairResult(output, "salvage", recovered, damaged, orphans, ok, notes);
    }

    /// <summary>Marks for re-reading each source whose row counter runs past ads the case does not hold.</summary>
    private static void MarkMiscountedSources(SqliteConnection copy, List<string> notes)
    {
        if (!TableNames(copy).Contains("sources"))
        {
            return;
        }

        foreach (var (id, _) in MiscountedSources(copy, CancellationToken.None))
        {
            using var cmd = copy.CreateCommand();
            cmd.CommandText = """
                UPDATE sources SET completed_at = NULL, rows_read = 0, rows_failed = 0,
                    rows_added = (SELECT count(*) FROM ads WHERE ads.source_id = sources.id) WHERE id = $id RETURNING path;
                """;
            cmd.Parameters.AddWithValue("$id", id);
            notes.Add($"{cmd.ExecuteScalar()}: its row counter ran past ads the case does not hold; marked for re-reading: run `netan ingest` on it again to restore them");
        }
    }

    private static List<(string Type, string Sql)> ReadSchema(SqliteConnection source, List<string> notes)
    {
        try
        {
            var schema = new List<(string, string)>();
            using var cmd = source.CreateCommand();
            cmd.CommandText = """
                SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid;
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                schema.Add((r.GetString(0), r.GetString(1)));
            }

            return schema;
        }
        catch (SqliteException ex)
        {
            notes.Add($"the schema page is unreadable ({ex.Message}); using this build's case schema");
            return [("table", CaseSchema.Create), ("index", CaseSchema.AdsKey), ("index", CaseSchema.EntitiesKey), ("table", CaseStore.AuditSchema)];
        }
    }

    private static List<string> TableNames(SqliteConnection connection)
    {
        var names = new List<string>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>Drops ads whose row came back from a damaged page half-overwritten: its parts no longer agree.</summary>
    /// <remarks>
    /// An intact ad always has <c>text</c> = title, newline, body (see Ad.ComposeText) and a non-blank raw row (read through
    /// <see cref="AdRawRow"/>: a stored row whose cuts no longer fit its columns is torn too). A value cut
    /// off by truncation can read back short or padded with zero bytes, with no error: a raw row shorter than its title
    /// and body, a JSON Lines row that no longer parses, or one holding U+0000 is taken as torn too (the rare ad whose
    /// input really held NUL is dropped with them, and re-ingesting restores it exactly).
    /// </remarks>
    private static long RemoveTornAds(SqliteConnection target)
    {
        using var cmd = target.CreateCommand();
        cmd.CommandText = """
            DELETE FROM ads WHERE ad_raw(raw, title, body, images, image_hashes) IS NULL OR trim(raw) = '' OR instr(raw, char(0)) > 0
                OR length(ad_raw(raw, title, body, images, image_hashes)) < length(ifnull(title, '')) + length(ifnull(body, ''))
                OR (json_valid(ad_raw(raw, title, body, images, image_hashes)) = 0 AND source_id IN (SELECT id FROM sources WHERE format = 'jsonlines'))
                OR text IS NOT (CASE
                WHEN ifnull(title, '') = '' THEN ifnull(body, '')
                WHEN ifnull(body, '') = '' THEN title
                ELSE title || char(10) || body END);
            """;
        return cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// Drops the mark that says every phone has its stored details (#19) when the salvage lost some of those rows, so the
    /// copy's next read-write open fills them in (it describes only the phones without a row); copied as it was, the
    /// mark would keep them missing for good.
    /// </summary>
    private static bool ForgetIncompletePhoneDetails(SqliteConnection target)
    {
        using var cmd = target.CreateCommand();
        cmd.CommandText = """
            DELETE FROM meta WHERE key = 'phone_details' AND EXISTS (
                SELECT 1 FROM entities e WHERE e.type = $t AND NOT EXISTS (SELECT 1 FROM phone_details d WHERE d.entity = e.id));
            """;
        cmd.Parameters.AddWithValue("$t", EntityType.Phone.ToName());
        try
        {
            return cmd.ExecuteNonQuery() > 0;
        }
        catch (SqliteException)
        {
            // A salvage that lost a whole table (meta, entities or phone_details) has nothing to mark or unmark.
            return false;
        }
    }

    private static long RemoveOrphans(SqliteConnection target)
    {
        long removed = 0;
        // Deleting a child can orphan nothing further (children are leaves here), but loop in case a schema nests.
        for (var pass = 0; pass < 8; pass++)
        {
            var rows = new List<(string Table, long RowId)>();
            using (var cmd = target.CreateCommand())
            {
                cmd.CommandText = "PRAGMA foreign_key_check;";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    if (!r.IsDBNull(1))
                    {
                        rows.Add((r.GetString(0), r.GetInt64(1)));
                    }
                }
            }

            if (rows.Count == 0)
            {
                break;
            }

            using var tx = target.BeginTransaction();
            foreach (var (table, rowId) in rows)
            {
                using var delete = target.CreateCommand();
                delete.Transaction = tx;
                delete.CommandText = $"DELETE FROM {Quote(table)} WHERE rowid = $r;";
                delete.Parameters.AddWithValue("$r", rowId);
                removed += delete.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return removed;
    }

    private static bool Passes(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check(1);";
        if (!string.Equals(cmd.ExecuteScalar() as string, "ok", StringComparison.Ordinal))
        {
            return false;
        }

        cmd.CommandText = "PRAGMA foreign_key_check;";
        using var r = cmd.ExecuteReader();
        return !r.Read();
    }

    private static SortedDictionary<string, long> CountAll(SqliteConnection connection)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in TableNames(connection))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM {Quote(table)};";
            counts[table] = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static SqliteConnection OpenReadWrite(string full, bool create = false)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        AdRawRow.Register(connection);
        return connection;
    }

    private static void DeleteOutput(string output)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(output + suffix);
        }
    }
}
