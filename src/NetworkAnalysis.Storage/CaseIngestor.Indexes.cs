using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>The secondary indexes whose entries land in random places of their B-tree on every insert, so a bulk ingest
    /// builds them once at its end instead (#21): each with the statement that creates it.</summary>
    /// <remarks>
    /// <c>mentions_ad</c> and <c>ad_attributes_ad</c> stay: ads get increasing row IDs, so their entries are appended at the
    /// end of the index (cheap), and re-crawls (<c>AddVersion</c>) look an ad's mentions up through <c>mentions_ad</c>.
    /// <c>entities_type_value</c> (change 9, session 12) is the entities' unique key in a case created since; it is dropped only
    /// while the writer holds every entity's ID in memory, and every read-write open creates it when missing
    /// (<see cref="CaseSchema.EnsureEntitiesKey"/>).
    /// The first two are in <see cref="CaseSchema.Create"/>, which <see cref="CaseStore.Open"/> runs on every read-write open, so
    /// a case whose ingest was killed before it rebuilt them gets them back on its next open; the last two exist only once the
    /// workbench made them (<see cref="CaseStore.EnsureSearchIndexes"/>, which every workbench start runs), and are rebuilt only
    /// when they were there.
    /// </remarks>
    private static readonly (string Name, string Create)[] DeferrableIndexes =
    [
        ("mentions_entity", "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);"),
        ("ads_ad_id", "CREATE INDEX IF NOT EXISTS ads_ad_id ON ads(ad_id);"),
        ("mentions_entity_ad", "CREATE INDEX IF NOT EXISTS mentions_entity_ad ON mentions(entity, ad);"),
        ("entities_lower_value", "CREATE INDEX IF NOT EXISTS entities_lower_value ON entities(lower(value));"),
        (EntitiesKeyIndex, CaseSchema.EntitiesKey),
    ];

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
                CaseStore.Execute(_store.Connection, $"DROP INDEX {name};", tx);
                rebuild.Add(create);
            }
        }

        return rebuild;
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
        using (var tx = _store.Connection.BeginTransaction())
        {
            foreach (var create in rebuild)
            {
                CaseStore.Execute(_store.Connection, create, tx);
            }

            tx.Commit();
        }

        _deferredIndexes = null;
        _timings?.Add("index_rebuild", started);
        _timings?.AddTicks("index_rebuild_thread_cpu", IngestTimings.ThreadCpuTicks() - cpu);
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
        }
    }
}
