using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>The secondary indexes whose entries land in random places of their B-tree on every insert, so a bulk ingest
    /// builds them once at its end instead (#21): each with the statement that creates it.</summary>
    /// <remarks>
    /// <c>mentions_ad</c> and <c>ad_attributes_ad</c> stay: ads get increasing row IDs, so their entries are appended at the
    /// end of the index (cheap; <c>mentions_ad</c>'s second column, the entity, only orders each ad's few entries in the last
    /// page), and re-crawls (<c>AddVersion</c>) look an ad's mentions up through <c>mentions_ad</c>.
    /// <c>ads_key</c> and <c>entities_type_value</c> (change 9, session 12) are the unique keys of ads and entities in a case
    /// created since: dropped only while the writer knows in memory which ads (<see cref="_adKeys"/>) and identifiers it holds,
    /// and created by every read-write open when missing (<see cref="CaseSchema.EnsureKeys"/>).
    /// The first two are in <see cref="CaseSchema.Create"/>, which <see cref="CaseStore.Open"/> runs on every read-write open, so
    /// a case whose ingest was killed before it rebuilt them gets them back on its next open; the last two exist only once the
    /// workbench made them (<see cref="CaseStore.EnsureSearchIndexes"/>, which every workbench start runs), and are rebuilt only
    /// when they were there.
    /// </remarks>
    private static readonly (string Name, string Create)[] DeferrableIndexes =
    [
        ("mentions_entity", "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);"),
        ("ads_ad_id", "CREATE INDEX IF NOT EXISTS ads_ad_id ON ads(ad_id);"),
        ("ads_facts", "CREATE INDEX IF NOT EXISTS ads_facts ON ads(city, posted_at);"),
        ("mentions_entity_ad", "CREATE INDEX IF NOT EXISTS mentions_entity_ad ON mentions(entity, ad);"),
        ("entities_lower_value", "CREATE INDEX IF NOT EXISTS entities_lower_value ON entities(lower(value));"),
        (EntitiesKeyIndex, CaseSchema.EntitiesKey),
        (AdsKeyIndex, CaseSchema.AdsKey),
    ];

    /// <summary>The unique <c>ad_key</c> index of a case created since change 9 (<see cref="CaseSchema.AdsKey"/>).</summary>
    private const string AdsKeyIndex = "ads_key";

    /// <summary>While <c>ads_key</c> is dropped: the 64-bit FNV-1a hash of each stored ad's key (UTF-8) to its row ID, or -1 when
    /// two stored keys share the hash; what tells the writer that an ad is already in the case (#21, change 9).</summary>
    private Dictionary<ulong, long>? _adKeys;

    /// <summary>The unique (type, value) index of a case created since change 9 (<see cref="CaseSchema.EntitiesKey"/>); a case
    /// created before has the table's constraint instead, which cannot be dropped, and keeps it up to date row by row.</summary>
    private const string EntitiesKeyIndex = "entities_type_value";

    /// <summary>Ads an ingest must be expected to add, at least, before it defers its secondary indexes.</summary>
    private const long DeferIndexesMinAds = 50_000;

    /// <summary>Whether to build the deferrable indexes once at the end rather than keep them up to date row by row.</summary>
    /// <remarks>
    /// Decided once the reading thread has read the first batch: the input's size and how far into it that batch reached
    /// estimate the ads still to come. Building an index costs about as much as maintaining it for half of its rows, so deferring pays
    /// when the ingest adds at least as many ads as the case holds (and enough of them to matter).
    /// </remarks>
    private static bool ShouldDeferIndexes(IngestOptions options, long adsInCase, long skipped, int batchRows, double fraction)
    {
        if (options.DeferIndexes is { } forced)
        {
            return forced;
        }

        if (fraction <= 0)
        {
            return false;
        }

        var expectedRows = (skipped + batchRows) / Math.Min(1.0, fraction) - skipped;
        return expectedRows >= DeferIndexesMinAds && expectedRows >= adsInCase;
    }

    /// <summary>Drops the deferrable indexes that exist, inside <paramref name="tx"/> (the first batch's transaction, so a kill
    /// before its commit leaves them in place); returns the statements that rebuild them.</summary>
    private List<string> DropDeferrableIndexes(SqliteTransaction tx)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = _store.Command("SELECT name FROM sqlite_master WHERE type = 'index';", tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                present.Add(r.GetString(0));
            }
        }

        var rebuild = new List<string>();
        foreach (var (name, create) in DeferrableIndexes)
        {
            // The entities' unique key may go only while every identifier's ID is in memory (the writer then never inserts one
            // twice); an ingest that looks identifiers up in the case (a small one, or a test forcing both) needs it.
            if (present.Contains(name) && (name != EntitiesKeyIndex || _lookUpEntity is null))
            {
                if (name == AdsKeyIndex)
                {
                    // Before the index goes: every stored ad's key, so the writer finds re-crawls without it.
                    _adKeys = LoadAdKeys(tx);
                }

                CaseStore.Execute(_store.Connection, $"DROP INDEX {name};", tx);
                rebuild.Add(create);
            }
        }

        return rebuild;
    }

    private Dictionary<ulong, long> LoadAdKeys(SqliteTransaction tx)
    {
        var keys = new Dictionary<ulong, long>();
        using var cmd = _store.Command("SELECT id, CAST(ad_key AS BLOB) FROM ads;", tx);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var id = r.GetInt64(0);
            var hash = KeyHash(r.GetFieldValue<byte[]>(1));
            keys[hash] = keys.ContainsKey(hash) ? -1 : id;
        }

        return keys;
    }

    /// <summary>64-bit FNV-1a of an ad key's UTF-8 bytes.</summary>
    internal static ulong KeyHash(ReadOnlySpan<byte> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in key)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>While <c>ads_key</c> is dropped: the row ID of the stored ad with this key, or null when there is none.</summary>
    private long? StoredAdWithKey(SqliteTransaction tx, byte[] key, string keyText)
    {
        if (!_adKeys!.TryGetValue(KeyHash(key), out var id))
        {
            return null;
        }

        if (id >= 0)
        {
            using var check = _store.Command("SELECT ad_key = $k FROM ads WHERE id = $id;", tx);
            check.Parameters.AddWithValue("$k", keyText);
            check.Parameters.AddWithValue("$id", id);
            if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) == 1)
            {
                return id;
            }
        }

        // Two keys with one hash (about one chance in 10^7 at a million ads): the table itself, read without the index.
        using var scan = _store.Command("SELECT id FROM ads WHERE ad_key = $k;", tx);
        scan.Parameters.AddWithValue("$k", keyText);
        return scan.ExecuteScalar() is { } found ? Convert.ToInt64(found, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Records a new ad's key while <c>ads_key</c> is dropped.</summary>
    private void AddAdKey(byte[] key, long id)
    {
        var hash = KeyHash(key);
        _adKeys![hash] = _adKeys.ContainsKey(hash) ? -1 : id;
    }

    /// <summary>Builds the deferred indexes in one transaction.</summary>
    private void RebuildDeferredIndexes()
    {
        if (_deferredIndexes is not { Count: > 0 } rebuild)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = IngestTimings.ThreadCpuTicks();
        // With sorter threads the build's CPU is not all on this one: the process's too (nothing else of the ingest runs now).
        var processCpu = Environment.CpuUsage.TotalTime;
        var connection = _store.Connection;
        var cacheSize = IndexBuildSorting.CacheSize(connection);
        try
        {
            // Sorted in small runs through temporary files, beside the scan (see IndexBuildSorting): the same indexes, built cheaper.
            IndexBuildSorting.ThroughFiles(connection);
            IndexBuildSorting.SetCacheSize(connection, -IndexBuildSorting.CacheKib);
            try
            {
                BuildIndexes(rebuild);
            }
            catch (SqliteException ex) when (IndexBuildSorting.IsTemporaryStorageFailure(ex))
            {
                // The runs may not fit where SQLite keeps temporary files, so once more as before, all in memory. (The
                // transaction rolled back; a full case disk fails again, and that error is the one reported.)
                IndexBuildSorting.InMemory(connection);
                BuildIndexes(rebuild);
            }
        }
        finally
        {
            IndexBuildSorting.InMemory(connection);
            IndexBuildSorting.SetCacheSize(connection, cacheSize);
        }

        _deferredIndexes = null;
        _adKeys = null;
        _timings?.Add("index_rebuild", started);
        _timings?.AddTicks("index_rebuild_thread_cpu", IngestTimings.ThreadCpuTicks() - cpu);
        _timings?.AddTicks("index_rebuild_process_cpu", (Environment.CpuUsage.TotalTime - processCpu).Ticks * System.Diagnostics.Stopwatch.Frequency / TimeSpan.TicksPerSecond);
    }

    private void BuildIndexes(List<string> rebuild)
    {
        using var tx = _store.Connection.BeginTransaction();
        foreach (var create in rebuild)
        {
            CaseStore.Execute(_store.Connection, create, tx);
        }

        tx.Commit();
    }

    /// <summary>After a failed or cancelled ingest, builds the deferred indexes if it can, so that the store this process keeps
    /// using has them; if it cannot (a full disk, say), the failure that stopped the ingest is the one reported, and the case's
    /// next read-write open builds them (<see cref="CaseSchema.Create"/>).</summary>
    private void RebuildDeferredIndexesAfterFailure()
    {
        try
        {
            RebuildDeferredIndexes();
        }
        catch (SqliteException)
        {
            _deferredIndexes = null;
            _adKeys = null;
        }
    }
}
