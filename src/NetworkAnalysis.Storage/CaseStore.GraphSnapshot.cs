using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    private const string GraphSnapshotKey = "graph_snapshot";

    /// <summary>The graph snapshot file beside the case file at <paramref name="casePath"/>: <c>CASE.graph</c>.</summary>
    /// <remarks>
    /// A cache, never the truth (issue #21): <c>netan analyze</c> writes it after saving, and the next analysis reads it and only
    /// the rows added since, when it still matches the case (see docs/clustering.md); otherwise the graph is loaded from the
    /// case. Deleting it only makes the next analysis load from the case.
    /// </remarks>
    public static string GraphSnapshotPath(string casePath) => casePath + ".graph";

    /// <summary>
    /// Loads the snapshot for an analysis: from the graph snapshot file extended by the rows added since it was written, when
    /// it matches the case, else from the case's tables (<see cref="LoadSnapshot(bool, CancellationToken, System.Data.Common.DbTransaction?)"/>
    /// without ad facts). Either way in one read transaction, whose <paramref name="stamp"/> is returned.
    /// </summary>
    /// <param name="ct">Cancellation.</param>
    /// <param name="stamp">What the returned snapshot holds (for the snapshot file this analysis writes).</param>
    /// <param name="note">Why an existing snapshot file was not used (one line), or null.</param>
    /// <param name="timings">When given, the time of each part is added (keys <c>load.graph_*_ms</c>).</param>
    internal CaseSnapshot LoadAnalysisSnapshot(CancellationToken ct, out GraphSnapshotStamp stamp, out string? note, IDictionary<string, double>? timings = null)
    {
        note = null;
        var lap = System.Diagnostics.Stopwatch.StartNew();
        using var tx = BeginSnapshot();
        stamp = ReadStamp(tx);
        CaseAnalyzer.Lap(timings, "load.graph_stamp_ms", lap);
        var path = GraphSnapshotPath(Path);
        // A PostgreSQL case has no folder for the file (a locator): its graph is loaded from its tables (docs/postgresql.md).
        if (!IsPostgres && File.Exists(path))
        {
            var name = System.IO.Path.GetFileName(path);
            try
            {
                var file = GraphSnapshotFile.Read(path);
                CaseAnalyzer.Lap(timings, "load.graph_file_ms", lap);
                if (!string.Equals(file.Token, MetaValue(GraphSnapshotKey, tx), StringComparison.Ordinal))
                {
                    note = $"graph snapshot {name} does not belong to this state of the case; the graph was loaded from the case";
                }
                else if (!StillHolds(file.Stamp, stamp, tx))
                {
                    note = $"graph snapshot {name} does not match the case's rows (rows it was built from changed or are gone); the graph was loaded from the case";
                }
                else if (Extend(file.Snapshot, file.Stamp, tx, ct) is { } extended)
                {
                    CaseAnalyzer.Lap(timings, "load.graph_extend_ms", lap);
                    tx.Commit();
                    return extended;
                }
                else
                {
                    note = $"graph snapshot {name} cannot be extended (an entity type stored under a non-canonical name); the graph was loaded from the case";
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                note = $"graph snapshot {name} unreadable ({ex.Message}); the graph was loaded from the case";
            }
        }

        var snapshot = LoadSnapshot(withAdFacts: false, tx, stamp, ct, timings);
        tx.Commit();
        return snapshot;
    }

    /// <summary>
    /// Starts writing the graph snapshot file of <paramref name="snapshot"/> under its temporary name on another thread
    /// (loading every ad's city and posting time first, here, when the analysis did not); <see cref="EndGraphSnapshotWrite"/>
    /// waits for it, renames it into place and records its token in <c>meta</c>; <see cref="AbandonGraphSnapshotWrite"/>
    /// deletes it.
    /// </summary>
    /// <remarks>
    /// Issue #21: the file is written while the analysis is saved (0.6-0.8 s at 1,000,000 ads off the save's thread); it
    /// replaces the previous file only after the save, as before. With <paramref name="after"/> it starts once that task is
    /// done (session 15: once a full save has its cluster summaries and memberships index, so that the save's thread shares
    /// the two cores with one other thread at a time, not two).
    /// </remarks>
    internal Task<SnapshotFileWrite> BeginGraphSnapshotWrite(CaseSnapshot snapshot, GraphSnapshotStamp stamp,
        Task? after = null)
    {
        if (IsPostgres)
        {
            // No file beside a locator: the next analysis loads from the tables.
            return Task.FromResult(new SnapshotFileWrite(null, null, null));
        }

        var path = GraphSnapshotPath(Path);
        if (snapshot.CanonicalEntityTypes)
        {
            EnsureAdFacts(snapshot, null);
        }

        if (!snapshot.CanonicalEntityTypes)
        {
            return Task.FromResult(new SnapshotFileWrite(null, null, null));
        }

        var token = Guid.NewGuid().ToString("N");
        return (after ?? Task.CompletedTask).ContinueWith(_ =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                return new SnapshotFileWrite(null, GraphSnapshotFile.WriteTemporary(path, token, stamp, snapshot), token, watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new SnapshotFileWrite(NotWritten(path, ex), null, null);
            }
        }, CancellationToken.None, TaskContinuationOptions.DenyChildAttach, TaskScheduler.Default);
    }

    /// <summary>Waits for <see cref="BeginGraphSnapshotWrite"/>, puts the file in place (or, for a snapshot whose order could not
    /// be extended, deletes the old one) and records its token in <c>meta</c>; returns why the file was not written (one
    /// line), or null. With <paramref name="timings"/>, a written file's time on its thread is added as
    /// <c>save.graph_snapshot_write_ms</c>.</summary>
    internal string? EndGraphSnapshotWrite(Task<SnapshotFileWrite> write, IDictionary<string, double>? timings = null)
    {
        if (IsPostgres)
        {
            return null; // nothing was written (see BeginGraphSnapshotWrite), and there is no file to remove
        }

        var path = GraphSnapshotPath(Path);
        var (note, temporary, token, writeMs) = write.GetAwaiter().GetResult();
        if (timings is not null && temporary is not null)
        {
            timings["save.graph_snapshot_write_ms"] = writeMs;
        }

        try
        {
            if (note is not null)
            {
                return note;
            }

            if (temporary is null || token is null)
            {
                // Its order could not be extended exactly; the next analysis reads the tables.
                File.Delete(path);
                return null;
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return NotWritten(path, ex);
        }
        finally
        {
            if (temporary is not null)
            {
                File.Delete(temporary);
            }
        }

        using var cmd = Command("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value;");
        cmd.Parameters.AddWithValue("$k", GraphSnapshotKey);
        cmd.Parameters.AddWithValue("$v", token);
        cmd.ExecuteNonQuery();
        return null;
    }

    /// <summary>After a failed analysis: waits for <see cref="BeginGraphSnapshotWrite"/> and deletes its temporary file; the
    /// previous snapshot file stays.</summary>
    internal static void AbandonGraphSnapshotWrite(Task<SnapshotFileWrite>? write)
    {
        try
        {
            if (write?.GetAwaiter().GetResult().Temporary is { } temporary)
            {
                File.Delete(temporary);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swept by the next read-write open once this process is gone.
        }
    }

    /// <summary>What a write of the graph snapshot file gave: why it was not written (one line), or its temporary name and
    /// token, and how long the write took.</summary>
    internal readonly record struct SnapshotFileWrite(string? Note, string? Temporary, string? Token, double WriteMs = 0);

    private static string NotWritten(string path, Exception ex)
        => $"graph snapshot {System.IO.Path.GetFileName(path)} not written ({ex.Message}); the next analysis loads the graph from the case";

    private string? MetaValue(string key, System.Data.Common.DbTransaction tx)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k;", tx);
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>Counts, highest row IDs and the key columns of each highest row of ads, entities and mentions, now.</summary>
    /// <remarks>The entities are counted through their unique (type, value) index, which the load then scans, not through the
    /// table, which SQLite's <c>count(*)</c> reads (#21, session 16): the table's pages are spread over the whole case file
    /// (entities are written throughout an ingest) and, right after a 10M ingest, not in the page cache: 5.9 s of a first
    /// analysis's load (7.4 s to count them with the page cache dropped), against 0.3 s through the index.</remarks>
    private GraphSnapshotStamp ReadStamp(System.Data.Common.DbTransaction tx)
    {
        long adCount, adMax, entityCount, entityMax, mentionCount, mentionMax;
        var entities = IsPostgres ? "entities" : "(SELECT 1 FROM entities ORDER BY type, value)";
        using (var cmd = Command($"""
            SELECT (SELECT count(*) FROM ads), (SELECT coalesce(max(id), 0) FROM ads), (SELECT count(*) FROM {entities}),
                   (SELECT coalesce(max(id), 0) FROM entities), (SELECT count(*) FROM mentions), (SELECT coalesce(max(id), 0) FROM mentions);
            """, tx))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            (adCount, adMax, entityCount, entityMax, mentionCount, mentionMax) = (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
        }

        var (adKey, entityType, entityValue, mentionAd, mentionEntity) = Tails(adMax, entityMax, mentionMax, tx);
        return new GraphSnapshotStamp(adCount, adMax, adKey, entityCount, entityMax, entityType, entityValue, mentionCount, mentionMax, mentionAd, mentionEntity);
    }

    /// <summary>The key columns of the rows with the given IDs ("" and 0 when absent).</summary>
    private (string AdKey, string EntityType, string EntityValue, long MentionAd, long MentionEntity) Tails(long ad, long entity, long mention, System.Data.Common.DbTransaction tx)
    {
        using var cmd = Command("""
            SELECT (SELECT ad_key FROM ads WHERE id = $a), (SELECT type FROM entities WHERE id = $e), (SELECT value FROM entities WHERE id = $e),
                   (SELECT ad FROM mentions WHERE id = $m), (SELECT entity FROM mentions WHERE id = $m);
            """, tx);
        cmd.Parameters.AddWithValue("$a", ad);
        cmd.Parameters.AddWithValue("$e", entity);
        cmd.Parameters.AddWithValue("$m", mention);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.IsDBNull(0) ? "" : r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2),
            r.IsDBNull(3) ? 0 : r.GetInt64(3), r.IsDBNull(4) ? 0 : r.GetInt64(4));
    }

    /// <summary>
    /// Whether the rows a snapshot was built from (<paramref name="built"/>) are still in the case as they were: as many rows at
    /// or below each recorded highest ID (so none deleted, none slipped in below), and the highest rows' key columns unchanged.
    /// Ads' keys, entities' type and value and mentions' ad and entity are never updated in place.
    /// </summary>
    private bool StillHolds(GraphSnapshotStamp built, GraphSnapshotStamp now, System.Data.Common.DbTransaction tx)
    {
        if (now.AdMax < built.AdMax || now.EntityMax < built.EntityMax || now.MentionMax < built.MentionMax)
        {
            return false;
        }

        using (var cmd = Command("""
            SELECT (SELECT count(*) FROM ads WHERE id > $a), (SELECT count(*) FROM entities WHERE id > $e), (SELECT count(*) FROM mentions WHERE id > $m);
            """, tx))
        {
            cmd.Parameters.AddWithValue("$a", built.AdMax);
            cmd.Parameters.AddWithValue("$e", built.EntityMax);
            cmd.Parameters.AddWithValue("$m", built.MentionMax);
            using var r = cmd.ExecuteReader();
            r.Read();
            if (now.AdCount - r.GetInt64(0) != built.AdCount || now.EntityCount - r.GetInt64(1) != built.EntityCount
                || now.MentionCount - r.GetInt64(2) != built.MentionCount)
            {
                return false;
            }
        }

        var tails = Tails(built.AdMax, built.EntityMax, built.MentionMax, tx);
        return tails == (built.AdMaxKey, built.EntityMaxType, built.EntityMaxValue, built.MentionMaxAd, built.MentionMaxEntity);
    }

    /// <summary>
    /// The snapshot of the case now: <paramref name="old"/> (built from the rows up to <paramref name="built"/>) with the ads,
    /// entities and mentions added since merged in, in exactly the order <see cref="LoadSnapshot(bool, CancellationToken, System.Data.Common.DbTransaction?)"/>
    /// gives (ads by key, entities by type name and value, both as SQLite's BINARY collation orders UTF-8; links by ad row then
    /// entity row), with every ad's city and posting time; null when a new entity's type is stored under a non-canonical name.
    /// </summary>
    private CaseSnapshot? Extend(CaseSnapshot old, GraphSnapshotStamp built, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        var newAds = ReadNewAds(built.AdMax);
        if (ReadNewEntities(built.EntityMax) is not { } newEntities)
        {
            return null;
        }

        ct.ThrowIfCancellationRequested();
        var incidence = old.Incidence;

        // Ads: each new one (sorted by key) goes where a binary search of the old key order puts it, and the old ones between
        // are block-copied (issue #21: the same order as a one-by-one merge, without a comparison per old ad).
        SortNew(newAds, a => a.Key, null);
        var oldAdKeys = incidence.AdKeys;
        var adAt = new int[newAds.Count];
        for (var j = 0; j < newAds.Count; j++)
        {
            adAt[j] = LowerBound(oldAdKeys.Length, j == 0 ? 0 : adAt[j - 1], i => CompareUtf8(oldAdKeys[i], newAds[j].Key) < 0);
        }

        var adCount = incidence.AdCount + newAds.Count;
        var adKeys = new string[adCount];
        var adRows = new long[adCount];
        var cities = new string?[adCount];
        var posted = new string?[adCount];
        MergeBlocks(incidence.AdCount, adAt, (from, to, count) =>
        {
            Array.Copy(oldAdKeys, from, adKeys, to, count);
            Array.Copy(old.AdRowIds, from, adRows, to, count);
            Array.Copy(old.AdCities, from, cities, to, count);
            Array.Copy(old.AdPostedAt, from, posted, to, count);
        }, (j, k) => (adRows[k], adKeys[k], cities[k], posted[k]) = newAds[j]);

        // Entities: the same by (canonical type name, value).
        SortNew(newEntities, e => e.Value, e => e.Type);
        var entityAt = new int[newEntities.Count];
        for (var j = 0; j < newEntities.Count; j++)
        {
            var (type, value) = (newEntities[j].Type, newEntities[j].Value);
            entityAt[j] = LowerBound(incidence.EntityCount, j == 0 ? 0 : entityAt[j - 1],
                i => CompareEntities(incidence.EntityTypes[i], incidence.EntityValues[i], type, value) < 0);
        }

        var entityCount = incidence.EntityCount + newEntities.Count;
        var types = new EntityType[entityCount];
        var values = new string[entityCount];
        var entityRows = new long[entityCount];
        MergeBlocks(incidence.EntityCount, entityAt, (from, to, count) =>
        {
            Array.Copy(incidence.EntityTypes, from, types, to, count);
            Array.Copy(incidence.EntityValues, from, values, to, count);
            Array.Copy(old.EntityRowIds, from, entityRows, to, count);
        }, (j, k) => (entityRows[k], types[k], values[k]) = newEntities[j]);

        // Links: the distinct new (ad row, entity row) pairs merged into the old ones, which are in that order.
        var adIndex = DenseIndex(adRows);
        var entityIndex = DenseIndex(entityRows);
        var newLinks = ReadNewLinks(built.MentionMax, adIndex, entityIndex, tx);
        var (linkAds, linkEntities) = MergeLinks(old, newLinks, adIndex, entityIndex);
        var extended = new AdEntityIncidence(adKeys, types, values, linkAds, linkEntities);
        return new CaseSnapshot(extended, adRows, entityRows, cities, posted) { AdFactsLoaded = true, CanonicalEntityTypes = true, FromGraphSnapshot = true };
    }

    /// <summary>The first index in [<paramref name="from"/>, <paramref name="count"/>) where <paramref name="before"/> is false
    /// (<paramref name="before"/> true on a prefix of [0, <paramref name="count"/>) and false after).</summary>
    private static int LowerBound(int count, int from, Func<int, bool> before)
    {
        int lo = from, hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (before(mid))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Lays out <paramref name="oldCount"/> old items with new item <c>j</c> placed before old item <c>at[j]</c> (a
    /// non-decreasing list; new items at the same place keep their order): <paramref name="copy"/> gets each run of old items
    /// (from, to, count), <paramref name="place"/> each new item (j, to).</summary>
    private static void MergeBlocks(int oldCount, int[] at, Action<int, int, int> copy, Action<int, int> place)
    {
        var i = 0;
        for (var j = 0; j <= at.Length; j++)
        {
            var until = j < at.Length ? at[j] : oldCount;
            if (until > i)
            {
                copy(i, i + j, until - i);
                i = until;
            }

            if (j < at.Length)
            {
                place(j, i + j);
            }
        }
    }

    private static int CompareEntities(EntityType typeA, string valueA, EntityType typeB, string valueB)
    {
        var byType = CompareUtf8(typeA.ToName(), typeB.ToName());
        return byType != 0 ? byType : CompareUtf8(valueA, valueB);
    }

    /// <summary>Orders two strings as SQLite's BINARY collation orders their UTF-8 bytes: by code point, not by UTF-16 unit.</summary>
    internal static int CompareUtf8(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            int x = a[i], y = b[i];
            if (x == y)
            {
                continue;
            }

            if (x >= 0xD800 && y >= 0xD800)
            {
                // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in UTF-8.
                x = x >= 0xE000 ? x - 0x800 : x + 0x2000;
                y = y >= 0xE000 ? y - 0x800 : y + 0x2000;
            }

            return x - y;
        }

        return a.Length - b.Length;
    }
}
