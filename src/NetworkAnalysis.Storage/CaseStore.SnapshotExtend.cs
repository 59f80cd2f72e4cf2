using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

/// <summary>
/// The parts of extending a graph snapshot by the rows added since it was written whose cost grows with the addition
/// (issue #21, at millions of ads: a snapshot of 3.76 million ads extended by 6.24 million took 102 s of a 10 million-ad
/// analysis's load): sorting the new ads and entities into SQLite's order and merging the new links into the old ones.
/// </summary>
public sealed partial class CaseStore
{
    /// <summary>
    /// Sorts <paramref name="items"/> as SQLite's BINARY collation orders (<paramref name="type"/>'s canonical name, then)
    /// <paramref name="key"/>: <see cref="CompareUtf8"/>, which equals ordinal order when no key holds a UTF-16 unit at or
    /// above U+D800, the common case, which is then sorted with the runtime's ordinal comparison on an array of keys.
    /// </summary>
    /// <remarks>The keys are unique (an ad key, an entity's type and value), so the order is total and any sort gives it.</remarks>
    internal static void SortNew<T>(List<T> items, Func<T, string> key, Func<T, EntityType>? type)
    {
        var n = items.Count;
        if (n < 2)
        {
            return;
        }

        var keys = new string[n];
        var order = new int[n];
        var ordinal = true;
        for (var i = 0; i < n; i++)
        {
            keys[i] = key(items[i]);
            order[i] = i;
            ordinal &= keys[i].AsSpan().IndexOfAnyInRange('\uD800', '\uFFFF') < 0;
        }

        IComparer<string> comparer = ordinal ? StringComparer.Ordinal : Comparer<string>.Create(CompareUtf8);
        if (type is null)
        {
            Array.Sort(keys, order, comparer);
        }
        else
        {
            // By type (in the order of the types' names), then by value within each type.
            var rank = TypeRanks();
            var counts = new int[rank.Length + 1];
            var types = new int[n];
            for (var i = 0; i < n; i++)
            {
                types[i] = rank[(int)type(items[i])];
                counts[types[i] + 1]++;
            }

            for (var t = 0; t < rank.Length; t++)
            {
                counts[t + 1] += counts[t];
            }

            var starts = (int[])counts.Clone();
            var byType = new string[n];
            for (var i = 0; i < n; i++)
            {
                var slot = counts[types[i]]++;
                byType[slot] = keys[i];
                order[slot] = i;
            }

            keys = byType;
            for (var t = 0; t < rank.Length; t++)
            {
                if (starts[t + 1] - starts[t] > 1)
                {
                    Array.Sort(keys, order, starts[t], starts[t + 1] - starts[t], comparer);
                }
            }
        }

        var copy = items.ToArray();
        for (var i = 0; i < n; i++)
        {
            items[i] = copy[order[i]];
        }
    }

    /// <summary>Each entity type's position among the types ordered by canonical name as SQLite orders them.</summary>
    private static int[] TypeRanks()
    {
        var all = Enum.GetValues<EntityType>();
        var max = all.Max(t => (int)t);
        var sorted = all.OrderBy(t => t.ToName(), Comparer<string>.Create(CompareUtf8)).ToArray();
        var rank = new int[max + 1];
        for (var i = 0; i < sorted.Length; i++)
        {
            rank[(int)sorted[i]] = i;
        }

        return rank;
    }

    /// <summary>
    /// The (ad row, entity row) pairs of the mentions above row <paramref name="mentionMax"/> whose ad and entity are in the
    /// snapshot (<paramref name="adIndex"/>, <paramref name="entityIndex"/>: dense index by row ID), each packed as
    /// <c>ad &lt;&lt; 32 | entity</c> and sorted: both rows are below the index arrays' lengths, so below 2^31, and the packed
    /// order is the (ad row, entity row) order; one primitive sort instead of a sort of tuples.
    /// </summary>
    private long[] ReadNewLinks(long mentionMax, int[] adIndex, int[] entityIndex, System.Data.Common.DbTransaction tx)
    {
        _ = tx; // the statement below runs on the store's connection, inside this read transaction
        var packed = new List<long>();
        ScanPairs(Connection.Handle!, "SELECT ad, entity FROM mentions WHERE id > ?1;", mentionMax, (ad, entity) =>
        {
            if (ad >= 0 && ad < adIndex.Length && adIndex[ad] >= 0 && entity >= 0 && entity < entityIndex.Length && entityIndex[entity] >= 0)
            {
                packed.Add((ad << 32) | entity);
            }
        });

        var links = packed.ToArray();
        Array.Sort(links);
        return links;
    }

    /// <summary>The ads above row <paramref name="adMax"/> (row, key, city, posting time), read through SQLite's own API on the
    /// store's connection (inside the caller's read transaction), each city one string.</summary>
    private List<(long Row, string Key, string? City, string? Posted)> ReadNewAds(long adMax)
    {
        var ads = new List<(long Row, string Key, string? City, string? Posted)>();
        var cities = new Dictionary<string, string>(StringComparer.Ordinal);
        ScanRows(Connection.Handle!, "SELECT id, ad_key, city, posted_at FROM ads WHERE id > ?1;", adMax, stmt =>
        {
            var city = Text(stmt, 2);
            city = city is null ? null : cities.TryGetValue(city, out var pooled) ? pooled : cities[city] = city;
            ads.Add((SQLitePCL.raw.sqlite3_column_int64(stmt, 0), Text(stmt, 1)!, city, Text(stmt, 3)));
        });
        return ads;
    }

    /// <summary>The entities above row <paramref name="entityMax"/> of a known type, through SQLite's own API; null when one's
    /// type is stored under a non-canonical name (the caller then loads from the tables).</summary>
    private List<(long Row, EntityType Type, string Value)>? ReadNewEntities(long entityMax)
    {
        var entities = new List<(long Row, EntityType Type, string Value)>();
        var canonical = true;
        ScanRows(Connection.Handle!, "SELECT id, type, value FROM entities WHERE id > ?1;", entityMax, stmt =>
        {
            var typeName = Text(stmt, 1)!;
            if (!EntityTypeNames.TryParse(typeName, out var type))
            {
                return;
            }

            canonical &= string.Equals(typeName, type.ToName(), StringComparison.Ordinal);
            entities.Add((SQLitePCL.raw.sqlite3_column_int64(stmt, 0), type, Text(stmt, 2)!));
        });
        return canonical ? entities : null;
    }

    /// <summary>Column <paramref name="i"/> of the current row as text (null for NULL), as the data reader's GetString reads it.</summary>
    private static string? Text(SQLitePCL.sqlite3_stmt stmt, int i)
        => SQLitePCL.raw.sqlite3_column_type(stmt, i) == SQLitePCL.raw.SQLITE_NULL ? null : System.Text.Encoding.UTF8.GetString(SQLitePCL.raw.sqlite3_column_blob(stmt, i));

    /// <summary>Column <paramref name="i"/> of a <c>NOT NULL</c> text column as a string, without asking SQLite for its type
    /// first (#21, session 17: one call fewer per row on the load's key scans); a NULL in a damaged file reads as "".</summary>
    private static string NotNullText(SQLitePCL.sqlite3_stmt stmt, int i) => System.Text.Encoding.UTF8.GetString(SQLitePCL.raw.sqlite3_column_blob(stmt, i));

    /// <summary>As <see cref="Text(SQLitePCL.sqlite3_stmt, int)"/>, the string taken from <paramref name="pool"/>.</summary>
    private static string? Text(SQLitePCL.sqlite3_stmt stmt, int i, Utf8StringPool pool)
        => SQLitePCL.raw.sqlite3_column_type(stmt, i) == SQLitePCL.raw.SQLITE_NULL ? null : pool.Get(SQLitePCL.raw.sqlite3_column_blob(stmt, i));

    /// <summary>Runs <paramref name="sql"/> (one integer parameter <c>?1</c> bound to <paramref name="bound"/>) through SQLite's
    /// own API on <paramref name="db"/>, calling <paramref name="row"/> on each row's statement.</summary>
    private static void ScanRows(SQLitePCL.sqlite3 db, string sql, long bound, Action<SQLitePCL.sqlite3_stmt> row)
    {
        var rc = SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var stmt);
        Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
        using (stmt)
        {
            rc = SQLitePCL.raw.sqlite3_bind_int64(stmt, 1, bound);
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            while ((rc = SQLitePCL.raw.sqlite3_step(stmt)) == SQLitePCL.raw.SQLITE_ROW)
            {
                row(stmt);
            }

            if (rc != SQLitePCL.raw.SQLITE_DONE)
            {
                Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (two integer columns, one integer parameter <c>?1</c> bound to <paramref name="bound"/>)
    /// through SQLite's own API on <paramref name="db"/> and passes each row to <paramref name="row"/>: issue #21, reading
    /// millions of mention rows through the ADO.NET data reader cost several times SQLite's own work for them.
    /// </summary>
    private static void ScanPairs(SQLitePCL.sqlite3 db, string sql, long bound, Action<long, long> row)
        => ScanRows(db, sql, bound, stmt => row(SQLitePCL.raw.sqlite3_column_int64(stmt, 0), SQLitePCL.raw.sqlite3_column_int64(stmt, 1)));

    /// <summary>
    /// The distinct links of <paramref name="old"/>'s (in (ad row, entity row) order) and <paramref name="added"/> (packed and
    /// sorted by <see cref="ReadNewLinks"/>) merged in that order, as dense indexes of the extended snapshot.
    /// </summary>
    private static (int[] Ads, int[] Entities) MergeLinks(CaseSnapshot old, long[] added, int[] adIndex, int[] entityIndex)
    {
        var incidence = old.Incidence;
        var (oldAds, oldEntities) = (incidence.LinkAds, incidence.LinkEntities);
        var (adRows, entityRows) = (old.AdRowIds, old.EntityRowIds);
        var total = incidence.LinkCount + added.Length;
        var linkAds = new int[total];
        var linkEntities = new int[total];
        var n = 0;
        var last = -1L;
        for (int i = 0, j = 0; i < incidence.LinkCount || j < added.Length;)
        {
            long next;
            var fromOld = i < incidence.LinkCount ? (adRows[oldAds[i]] << 32) | entityRows[oldEntities[i]] : long.MaxValue;
            if (j >= added.Length || fromOld <= added[j])
            {
                next = fromOld;
                i++;
            }
            else
            {
                next = added[j++];
            }

            if (next != last)
            {
                linkAds[n] = adIndex[next >> 32];
                linkEntities[n] = entityIndex[(int)(next & 0xFFFFFFFF)];
                n++;
                last = next;
            }
        }

        if (n < total)
        {
            Array.Resize(ref linkAds, n);
            Array.Resize(ref linkEntities, n);
        }

        return (linkAds, linkEntities);
    }
}
