using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;
using SQLitePCL;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>An ingest expected to add fewer ads than the case holds divided by this looks its identifiers up (#21).</summary>
    private const int LookUpEntityIdsRatio = 8;

    /// <summary>Cases smaller than this always load every entity ID: a fraction of a second at most.</summary>
    private const long LookUpEntityIdsMinAds = 50_000;

    /// <summary>When set, <see cref="_entityIds"/> holds only the identifiers this run has met, and a miss is looked up in
    /// the case through it before a new entity is inserted (#21: a small ingest into a large case).</summary>
    private Func<string, string, long?>? _lookUpEntity;

    /// <summary>Prepares the entity IDs for an ingest of <paramref name="inputBytes"/> bytes: every entity of the case in
    /// memory, or, for an ingest small against the case, an empty cache and a look-up of each identifier on its first use.</summary>
    /// <remarks>
    /// #21: reading every entity (850,000 at 1,000,000 ads: about a second and 100 MB) before the first batch was most of
    /// the time of a 10,000-ad ingest into a 1,000,000-ad case, which meets about 30,000 distinct identifiers. Both ways give
    /// the same IDs: the look-up finds exactly the row the full load would (see <see cref="CanLookUpEntityIds"/>). With the
    /// look-up, the producer cannot tell which phones are new to the case, so the writer describes each phone entity it
    /// inserts (a few hundred in such an ingest) instead of the producer describing the batch's new ones (issue #19).
    /// </remarks>
    /// <returns>Ends the look-up (disposes its statement) when the ingest is done.</returns>
    private IDisposable PrepareEntityIds(long inputBytes, long adsInCase, IngestOptions options)
    {
        _lookUpEntity = null;
        var lookUp = options.LookUpEntityIds ?? (adsInCase >= LookUpEntityIdsMinAds && ExpectedAds(inputBytes) * LookUpEntityIdsRatio < adsInCase);
        if (lookUp && CanLookUpEntityIds())
        {
            _entityIds = [];
            _describedPhones = null;
            var lookup = new EntityLookup(_store.Connection);
            _lookUpEntity = lookup.Find;
            return new EndLookup(this, lookup);
        }

        _entityIds = LoadEntityIds();
        _describedPhones = new HashSet<string>(_entityIds.Keys.Where(k => k.Item1 == EntityType.Phone).Select(k => k.Item2), StringComparer.Ordinal);
        return new EndLookup(this, null);
    }

    /// <summary>The ads an input of <paramref name="inputBytes"/> bytes holds, at the bytes per row of the case's earlier
    /// inputs; the case's own size (never a look-up) when it has none.</summary>
    private double ExpectedAds(long inputBytes)
    {
        using var cmd = _store.Command("SELECT ifnull(sum(size), 0), ifnull(sum(rows_read), 0) FROM sources WHERE rows_read > 0;");
        using var r = cmd.ExecuteReader();
        r.Read();
        var (bytes, rows) = (r.GetInt64(0), r.GetInt64(1));
        return bytes <= 0 || rows <= 0 ? double.MaxValue : inputBytes / ((double)bytes / rows);
    }

    /// <summary>Whether every entity's type is stored under its canonical name, so that a look-up by (name, value) finds the
    /// row loading every entity would (which parses type names ignoring case). Walks the distinct type names on the
    /// <c>(type, value)</c> index: one seek per name.</summary>
    private bool CanLookUpEntityIds()
    {
        using var next = _store.Command("SELECT min(type) FROM entities WHERE type > $t;");
        var p = next.Parameters.AddWithValue("$t", "");
        while (next.ExecuteScalar() is string name)
        {
            if (EntityTypeNames.TryParse(name, out var type) && !string.Equals(name, type.ToName(), StringComparison.Ordinal))
            {
                return false;
            }

            p.Value = name;
        }

        return true;
    }

    /// <summary>The ID of the case's entity (<paramref name="type"/>, <paramref name="value"/>) when IDs are looked up and it
    /// exists (then cached), else null.</summary>
    private long? LookUpEntityId(EntityType type, string value)
    {
        if (_lookUpEntity?.Invoke(type.ToName(), value) is not { } id)
        {
            return null;
        }

        _entityIds![(type, value)] = id;
        return id;
    }

    /// <summary>The details of a phone entity about to be inserted: described by the producer with its batch, or, when
    /// identifiers are looked up, here.</summary>
    private PhoneNumberDetails? NewPhoneDetails(string value)
    {
        if (_batchPhones is not null && _batchPhones.TryGetValue(value, out var details))
        {
            return details;
        }

        return _describedPhones is null && _lookUpEntity is not null ? PhoneNumberDetails.Describe(value) : null;
    }

    private sealed class EndLookup(CaseIngestor ingestor, EntityLookup? lookup) : IDisposable
    {
        public void Dispose()
        {
            if (lookup is not null)
            {
                // The cache holds only part of the case's entities: never to be used without the look-up.
                lookup.Dispose();
                ingestor._lookUpEntity = null;
                ingestor._entityIds = null;
            }
        }
    }

    /// <summary>A prepared <c>SELECT id FROM entities WHERE type = ? AND value = ?</c> on the case's connection, in whatever
    /// transaction it has open (so it sees the entities the current batch inserted).</summary>
    private sealed class EntityLookup : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _find;

        public EntityLookup(SqliteConnection connection)
        {
            _db = connection.Handle!;
            var rc = raw.sqlite3_prepare_v2(_db, "SELECT id FROM entities WHERE type = ?1 AND value = ?2;", out _find);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        public long? Find(string type, string value)
        {
            raw.sqlite3_bind_text(_find, 1, type);
            raw.sqlite3_bind_text(_find, 2, value);
            var rc = raw.sqlite3_step(_find);
            long? id = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_find, 0) : null;
            raw.sqlite3_reset(_find);
            if (rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return id;
        }

        public void Dispose() => _find.Dispose();
    }
}
