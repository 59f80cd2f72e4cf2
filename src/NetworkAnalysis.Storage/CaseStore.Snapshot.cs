using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Loads every ad, entity and distinct (ad, entity) link as a <see cref="CaseSnapshot"/>.</summary>
    /// <remarks>
    /// Reads with ordered scans only (issue #21): ad keys in key order from the covering unique index on <c>ad_key</c>,
    /// city and posting time from the covering index <c>ads_facts</c> (the table in row order in a case without it), entities
    /// from their covering index, mentions' ad and entity from the covering index <c>mentions_ad</c> (the table in row order
    /// in a case created before session 16, whose <c>mentions_ad</c> holds only the ad). Row IDs map to dense
    /// indexes through arrays, and the links are sorted and de-duplicated in memory by (ad row, entity row), the order
    /// <c>SELECT DISTINCT ad, entity FROM mentions ORDER BY ad, entity</c> gave before, so the snapshot is unchanged.
    /// </remarks>
    public CaseSnapshot LoadSnapshot(CancellationToken ct = default) => LoadSnapshot(withAdFacts: true, ct);

    /// <summary>Loads the snapshot, with every ad's city and posting time or (for an incremental analysis) without them.</summary>
    internal CaseSnapshot LoadSnapshot(bool withAdFacts, CancellationToken ct, System.Data.Common.DbTransaction? tx = null)
        => LoadSnapshot(withAdFacts, tx, null, ct);

    /// <summary>
    /// As <see cref="LoadSnapshot(bool, CancellationToken, System.Data.Common.DbTransaction?)"/>; with
    /// <paramref name="stamp"/> (the row counts and highest row IDs <paramref name="tx"/> sees), the mentions
    /// are read on a second connection while this one reads ads and entities (<see cref="PrefetchMentions"/>).
    /// </summary>
    internal CaseSnapshot LoadSnapshot(bool withAdFacts, System.Data.Common.DbTransaction? tx, GraphSnapshotStamp? stamp, CancellationToken ct,
        IDictionary<string, double>? timings = null)
    {
        var lap = System.Diagnostics.Stopwatch.StartNew();
        // With a stamp to check what they read against, the mentions are read on a second connection while this one reads ads
        // and entities, and the key scans read through a scan connection of their own (#21, session 17; ScanUpTo); else all is
        // read on the store's connection, inside tx.
        using var registration = stamp is null || IsPostgres ? null : CaseFileHandles.Acquire(Path, create: false);
        using var side = registration is null ? null : OpenScanConnection(Path);
        var prefetch = side is not null && stamp is { } m ? PrefetchMentions(side, m, ct) : null;
        // Sized from the stamp's counts when there is one (#21, session 14: at 10,000,000 ads growing the lists by doubling
        // allocated about as much again in large arrays, each allocation counting towards the next full collection).
        var adRows = new List<long>(Capacity(stamp?.AdCount));
        var adKeys = new List<string>(Capacity(stamp?.AdCount));
        if (!IsPostgres)
        {
            // Through SQLite's own API (issue #21: the data reader's cost per row was several times SQLite's).
            ScanUpTo(side, AdKeysScan, stamp?.AdMax, stamp?.AdCount,
                "SELECT id, ad_key FROM ads WHERE ?1 = 1 ORDER BY ad_key;", () =>
                {
                    adRows.Clear();
                    adKeys.Clear();
                }, stmt =>
                {
                    adRows.Add(SQLitePCL.raw.sqlite3_column_int64(stmt, 0));
                    adKeys.Add(NotNullText(stmt, 1));
                });
        }
        else
        {
            using var cmd = Command("SELECT id, ad_key FROM ads ORDER BY ad_key;", tx);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                adRows.Add(r.GetInt64(0));
                adKeys.Add(r.GetString(1));
            }
        }

        CaseAnalyzer.Lap(timings, "load.graph.ads_ms", lap);
        ct.ThrowIfCancellationRequested();
        var adIndex = DenseIndex(adRows);
        var cities = new string?[adRows.Count];
        var posted = new string?[adRows.Count];
        if (withAdFacts)
        {
            ReadAdFacts(adIndex, cities, posted, null, tx);
        }

        ct.ThrowIfCancellationRequested();
        var entityRows = new List<long>(Capacity(stamp?.EntityCount));
        var types = new List<EntityType>(Capacity(stamp?.EntityCount));
        var values = new List<string>(Capacity(stamp?.EntityCount));
        var canonicalTypes = true;
        if (!IsPostgres)
        {
            // In type order, so the type name is decoded and parsed once per run of equal names, not once per entity (#21,
            // session 17: 6,700,000 short strings at 10,000,000 ads).
            var runName = Array.Empty<byte>();
            var runKnown = false;
            var runType = default(EntityType);
            ScanUpTo(side, EntityKeysScan, stamp?.EntityMax, stamp?.EntityCount,
                "SELECT id, type, value FROM entities WHERE ?1 = 1 ORDER BY type, value;", () =>
                {
                    (runName, runKnown, canonicalTypes) = (Array.Empty<byte>(), false, true);
                    entityRows.Clear();
                    types.Clear();
                    values.Clear();
                }, stmt =>
                {
                    var name = SQLitePCL.raw.sqlite3_column_blob(stmt, 1);
                    if (!name.SequenceEqual(runName) || runName.Length == 0)
                    {
                        runName = name.ToArray();
                        var typeName = System.Text.Encoding.UTF8.GetString(name);
                        runKnown = EntityTypeNames.TryParse(typeName, out runType);
                        canonicalTypes &= !runKnown || string.Equals(typeName, runType.ToName(), StringComparison.Ordinal);
                    }

                    if (runKnown)
                    {
                        entityRows.Add(SQLitePCL.raw.sqlite3_column_int64(stmt, 0));
                        types.Add(runType);
                        values.Add(NotNullText(stmt, 2));
                    }
                });
        }
        else
        {
            using var cmd = Command("SELECT id, type, value FROM entities ORDER BY type, value;", tx);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var typeName = r.GetString(1);
                if (!EntityTypeNames.TryParse(typeName, out var type))
                {
                    continue;
                }

                canonicalTypes &= string.Equals(typeName, type.ToName(), StringComparison.Ordinal);

                entityRows.Add(r.GetInt64(0));
                types.Add(type);
                values.Add(r.GetString(2));
            }
        }

        CaseAnalyzer.Lap(timings, "load.graph.entities_ms", lap);
        ct.ThrowIfCancellationRequested();
        var entityIndex = DenseIndex(entityRows);
        var prefetched = AwaitMentions(prefetch, side, ct);
        CaseAnalyzer.Lap(timings, "load.graph.mentions_wait_ms", lap);
        var (linkAds, linkEntities) = ReadLinks(adRows, adIndex, entityRows, entityIndex, tx, prefetched);
        CaseAnalyzer.Lap(timings, "load.graph.links_ms", lap);
        var incidence = new AdEntityIncidence([.. adKeys], [.. types], [.. values], linkAds, linkEntities);
        return new CaseSnapshot(incidence, [.. adRows], [.. entityRows], cities, posted) { AdFactsLoaded = withAdFacts, CanonicalEntityTypes = canonicalTypes };
    }

    /// <summary>
    /// Reads the rows of <paramref name="checkedSql"/> (row IDs up to <paramref name="max"/>) on <paramref name="side"/> and
    /// keeps them when there are exactly <paramref name="count"/>; otherwise (or without <paramref name="side"/>) calls
    /// <paramref name="reset"/> and reads <paramref name="sql"/> on the store's connection, inside the caller's transaction.
    /// </summary>
    /// <remarks>
    /// Issue #21, session 17: the store's connection is SQLite's default (serialized) kind, which locks and unlocks a mutex on
    /// every call (each step and column read: 27,000,000 rows of ads and entities at 10,000,000 ads); a scan connection
    /// (<see cref="OpenScanConnection"/>) has none. It reads in a transaction of its own, so what it reads is checked as the
    /// mentions' prefetch is: ads and entities keep their row ID and key columns for good and a new row gets a row ID above
    /// every committed one, so the rows up to the stamp's highest ID are the rows the caller's transaction sees, unless some
    /// were deleted since (a repair by <c>netan doctor</c>), which the count shows.
    /// </remarks>
    internal void ScanUpTo(SQLitePCL.sqlite3? side, string checkedSql, long? max, long? count, string sql, Action reset, Action<SQLitePCL.sqlite3_stmt> row)
    {
        if (side is not null && max is { } bound && count is { } expected)
        {
            long n = 0;
            ScanRows(side, checkedSql, bound, stmt =>
            {
                n++;
                row(stmt);
            });
            if (n == expected)
            {
                return;
            }

            reset();
        }

        ScanRows(Connection.Handle!, sql, 1, row);
    }

    /// <summary>A list capacity for <paramref name="count"/> rows (a hint: rows added meanwhile grow the list as before).</summary>
    private static int Capacity(long? count) => count is { } n and > 0 ? (int)Math.Min(n, Array.MaxLength) : 0;

    /// <summary>
    /// Fills city and posting time of the ads whose row IDs are <paramref name="rows"/> (ascending), by row look-ups, or of
    /// every ad by one row-order scan when <paramref name="rows"/> is null.
    /// </summary>
    private void ReadAdFacts(int[] adIndex, string?[] cities, string?[] posted, IReadOnlyList<long>? rows, System.Data.Common.DbTransaction? tx = null)
    {
        if (rows is null)
        {
            using var scan = Command("SELECT id, city, posted_at FROM ads;", tx);
            ScanAdFacts(scan, adIndex, cities, posted);
            return;
        }

        using var lookup = Command("SELECT id, city, posted_at FROM ads WHERE id = $id;");
        var p = CaseDialect.Add(lookup, "$id", System.Data.DbType.Int64);
        var cityPool = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            p.Value = row;
            ScanAdFacts(lookup, adIndex, cities, posted, cityPool);
        }
    }

    /// <summary>
    /// Starts reading every ad's city and posting time into <paramref name="snapshot"/> on a second, read-only connection of
    /// its own, or returns null when there is nothing to read or the store is not a SQLite file; <see cref="AwaitAdFacts"/>
    /// finishes it.
    /// </summary>
    /// <remarks>
    /// Issue #21: on a full analysis without a graph snapshot file this scan of the wide ads table was the largest part of the
    /// save (3.6 s of 10.6 at 1,000,000 ads); it needs nothing the clustering computes, so it runs on the other core while
    /// the clustering runs. An ad's city and posting time never change, and rows not in the snapshot are skipped, so a
    /// separate read transaction reads the same facts.
    /// </remarks>
    internal Task? PrefetchAdFacts(CaseSnapshot snapshot, CancellationToken ct)
    {
        if (snapshot.AdFactsLoaded || IsPostgres || snapshot.AdRowIds.Length == 0)
        {
            return null;
        }

        return OnSecondConnection(scan =>
        {
            ct.ThrowIfCancellationRequested();
            var adIndex = DenseIndex(snapshot.AdRowIds);
            var (cities, posted) = (snapshot.AdCities, snapshot.AdPostedAt);
            // Cities and posting times repeat (a posting time is to the minute in most sites' pages): one string per distinct
            // value (#21, session 14), the posting times' pool bounded for sites that give seconds.
            var cityPool = new Utf8StringPool();
            var postedPool = new Utf8StringPool(limit: 1 << 20);
            // Through SQLite's own API (issue #21), as ScanAdFacts reads them.
            ScanRows(scan, AdFactsScan, 1, stmt =>
            {
                var row = SQLitePCL.raw.sqlite3_column_int64(stmt, 0);
                if (row < 0 || row >= adIndex.Length || adIndex[row] < 0)
                {
                    return; // an ad written after the key scan: it joins at the next analysis
                }

                var a = adIndex[row];
                if (Text(stmt, 1, cityPool) is { } city)
                {
                    cities[a] = city;
                }

                posted[a] = Text(stmt, 2, postedPool);
            });
            return true;
        }, ct);
    }

    /// <summary>Waits for <see cref="PrefetchAdFacts"/> and marks the facts loaded; when it failed, the facts are read later as
    /// before (<see cref="EnsureAdFacts"/>).</summary>
    internal static void AwaitAdFacts(CaseSnapshot snapshot, Task? prefetch)
    {
        if (prefetch is null)
        {
            return;
        }

        try
        {
            prefetch.GetAwaiter().GetResult();
            snapshot.AdFactsLoaded = true;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // Read again on the store's own connection when the save needs them.
        }
    }

    private static void ScanAdFacts(System.Data.Common.DbCommand cmd, int[] adIndex, string?[] cities, string?[] posted, Dictionary<string, string>? cityPool = null)
    {
        cityPool ??= new Dictionary<string, string>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var row = r.GetInt64(0);
            if (row < 0 || row >= adIndex.Length || adIndex[row] < 0)
            {
                continue; // an ad written after the key scan: it joins at the next analysis
            }

            var a = adIndex[row];
            if (!r.IsDBNull(1))
            {
                var city = r.GetString(1);
                cities[a] = cityPool.TryGetValue(city, out var pooled) ? pooled : cityPool[city] = city;
            }

            posted[a] = r.IsDBNull(2) ? null : r.GetString(2);
        }
    }

    /// <summary>Every ad's row ID and key up to a row ID, in key order (<see cref="ScanUpTo"/>). The unary + keeps SQLite from
    /// reading the table by its row ID range, so it scans the key's covering index, in the order wanted.</summary>
    internal const string AdKeysScan = "SELECT id, ad_key FROM ads WHERE +id <= ?1 ORDER BY ad_key;";

    /// <summary>Every entity's row ID, type and value up to a row ID, in (type, value) order, as <see cref="AdKeysScan"/>.</summary>
    internal const string EntityKeysScan = "SELECT id, type, value FROM entities WHERE +id <= ?1 ORDER BY type, value;";

    /// <summary>Every ad's city and posting time: SQLite reads them from the covering index <c>ads_facts</c> when the case has it
    /// (#21, session 16: at 10,000,000 ads a twentieth of the ads table's 10 GB, which this scan streamed through the page cache
    /// on every first analysis, evicting what the next load reads).</summary>
    internal const string AdFactsScan = "SELECT id, city, posted_at FROM ads WHERE ?1 = 1;";

    /// <summary>The ad and entity of every mention up to a row ID. The unary + keeps SQLite from reading the table by its row ID
    /// range, so it scans the covering index <c>mentions_ad</c> (ad, entity) of a case created since session 16 (#21): a third
    /// of the table's pages, in the order <see cref="SortLinks"/> wants (<see cref="LinksInOrder"/>).
    /// Each pair comes packed in one integer, ad in the high 32 bits, or -1 when either is outside 0..2^31-1 (#21, session 17:
    /// one column read per mention instead of two; 43,000,000 at 10,000,000 ads).</summary>
    internal const string MentionPairsScan = $"SELECT {PackedMentionPair} FROM mentions WHERE +id <= ?1;";

    /// <summary>A mention's ad and entity packed in one integer, ad in the high 32 bits, or -1 when either is outside 0..2^31-1.</summary>
    private const string PackedMentionPair =
        "CASE WHEN ad BETWEEN 0 AND 2147483647 AND entity BETWEEN 0 AND 2147483647 THEN (ad << 32) | entity ELSE -1 END";

    /// <summary>Makes sure the snapshot holds city and posting time of the dense ads <paramref name="ads"/> (all when null).</summary>
    private void EnsureAdFacts(CaseSnapshot snapshot, IReadOnlyCollection<int>? ads)
    {
        if (snapshot.AdFactsLoaded)
        {
            return;
        }

        var adIndex = DenseIndex([.. snapshot.AdRowIds]);
        if (ads is null || ads.Count > snapshot.AdRowIds.Length / 8)
        {
            ReadAdFacts(adIndex, snapshot.AdCities, snapshot.AdPostedAt, null);
            snapshot.AdFactsLoaded = true;
            return;
        }

        ReadAdFacts(adIndex, snapshot.AdCities, snapshot.AdPostedAt, ads.Select(a => snapshot.AdRowIds[a]).Order().ToList());
    }

    /// <summary>
    /// The distinct (ad, entity) links of the mentions whose ad and entity are in the snapshot, ordered by ad row then entity
    /// row, as dense indexes: one row-order scan (or the rows <see cref="PrefetchMentions"/> read, when given), bucketed by ad
    /// row and sorted within each ad.
    /// </summary>
    private (int[] Ads, int[] Entities) ReadLinks(List<long> adRows, int[] adIndex, List<long> entityRows, int[] entityIndex, System.Data.Common.DbTransaction? tx,
        List<long>[]? prefetched = null)
    {
        int[] pairAds, pairEntities;
        if (prefetched is { } read)
        {
            // Each mention's dense ad and entity, -1 for one outside the snapshot, in parallel over ranges of mentions (#21,
            // session 14), chunk after chunk (session 17): SortLinks orders the links.
            var starts = ChunkStarts(read);
            var total = starts[^1];
            (pairAds, pairEntities) = (new int[total], new int[total]);
            InParallelRanges(total, 262144, (from, to) =>
            {
                if (from >= to)
                {
                    return;
                }

                var c = Array.BinarySearch(starts, from);
                c = c < 0 ? ~c - 1 : c;
                for (var i = from; i < to;)
                {
                    while (starts[c + 1] <= i)
                    {
                        c++;
                    }

                    var pairs = ChunkPairs(read, c);
                    var (start, end) = (starts[c], Math.Min(to, starts[c + 1]));
                    for (; i < end; i++)
                    {
                        var pair = pairs[i - start];
                        var ad = pair < 0 ? -1 : (int)(pair >> 32);
                        var entity = pair < 0 ? -1 : (int)(pair & int.MaxValue);
                        var inSnapshot = ad >= 0 && ad < adIndex.Length && adIndex[ad] >= 0 && entity >= 0 && entity < entityIndex.Length && entityIndex[entity] >= 0;
                        pairAds[i] = inSnapshot ? adIndex[ad] : -1;
                        pairEntities[i] = inSnapshot ? entityIndex[entity] : -1;
                    }
                }
            });
        }
        else
        {
            var (ads, entities) = (new List<int>(), new List<int>());
            ReadMentionPairs(adIndex, entityIndex, ads, entities, tx);
            (pairAds, pairEntities) = ([.. ads], [.. entities]);
        }

        return SortLinks(adRows, entityRows, pairAds, pairEntities);
    }

    private void ReadMentionPairs(int[] adIndex, int[] entityIndex, List<int> pairAds, List<int> pairEntities, System.Data.Common.DbTransaction? tx)
    {
        using (var cmd = Command("SELECT ad, entity FROM mentions;", tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var ad = r.GetInt64(0);
                var entity = r.GetInt64(1);
                if (ad >= 0 && ad < adIndex.Length && adIndex[ad] >= 0 && entity >= 0 && entity < entityIndex.Length && entityIndex[entity] >= 0)
                {
                    pairAds.Add(adIndex[ad]);
                    pairEntities.Add(entityIndex[entity]);
                }
            }
        }
    }

    /// <summary>The distinct links of the (dense ad, dense entity) pairs, ordered by ad row then entity row.</summary>
    private static (int[] Ads, int[] Entities) SortLinks(List<long> adRows, List<long> entityRows, int[] pairAds, int[] pairEntities)
    {
        if (LinksInOrder(adRows, entityRows, pairAds, pairEntities) is { } inOrder)
        {
            return inOrder;
        }

        // Bucket by ad row order: the rank of each dense ad among the ads sorted by row ID.
        var n = adRows.Count;
        var rank = new int[n];
        // Placed by row ID, not sorted (#21, session 14; AdsInRowOrder).
        var byRow = AdsInRowOrder([.. adRows]);
        for (var i = 0; i < n; i++)
        {
            rank[byRow[i]] = i;
        }

        // Pairs with ad -1 are mentions outside the snapshot.
        var start = new int[n + 1];
        foreach (var a in pairAds)
        {
            if (a >= 0)
            {
                start[rank[a] + 1]++;
            }
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var entityRowIds = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entityRows);
        var entityRowsOf = new long[start[n]];
        var entityDenseOf = new int[start[n]];
        for (var i = 0; i < pairAds.Length; i++)
        {
            if (pairAds[i] < 0)
            {
                continue;
            }

            var slot = fill[rank[pairAds[i]]]++;
            entityDenseOf[slot] = pairEntities[i];
            entityRowsOf[slot] = entityRowIds[pairEntities[i]];
        }

        // Each ad's identifiers in entity row order without repeats, its ads' ranges in parallel (#21, session 14: at
        // 10,000,000 ads a sort call per ad and a list append per link took 10-11 s on one core while the other waited).
        // Every range is sorted and counted first; the counts give each ad's place in the result, so the order is as before.
        var kept = new int[n + 1];
        InParallelRanges(n, 65536, (first, end) =>
        {
            for (var i = first; i < end; i++)
            {
                var (from, to) = (start[i], start[i + 1]);
                SortRun(entityRowsOf, entityDenseOf, from, to - from);
                var k = 0;
                for (var j = from; j < to; j++)
                {
                    k += j == from || entityRowsOf[j] != entityRowsOf[j - 1] ? 1 : 0;
                }

                kept[i + 1] = k;
            }
        });
        for (var i = 0; i < n; i++)
        {
            kept[i + 1] += kept[i];
        }

        var linkAds = new int[kept[n]];
        var linkEntities = new int[kept[n]];
        InParallelRanges(n, 65536, (first, end) =>
        {
            for (var i = first; i < end; i++)
            {
                var o = kept[i];
                for (var j = start[i]; j < start[i + 1]; j++)
                {
                    if (j == start[i] || entityRowsOf[j] != entityRowsOf[j - 1])
                    {
                        linkAds[o] = byRow[i];
                        linkEntities[o++] = entityDenseOf[j];
                    }
                }
            }
        });
        return (linkAds, linkEntities);
    }

    /// <summary>
    /// The distinct links of pairs that already come ordered by (ad row, entity row), as the scan of the covering index
    /// <c>mentions_ad</c> on (ad, entity) gives them (#21, session 16): repeats and pairs outside the snapshot (ad -1) dropped,
    /// in parallel over ranges, without the buckets and sorts of <see cref="SortLinks"/>; or null when they are not in that
    /// order (a case whose <c>mentions_ad</c> holds only the ad, read in row order), for the general way.
    /// </summary>
    internal static (int[] Ads, int[] Entities)? LinksInOrder(List<long> adRows, List<long> entityRows, int[] pairAds, int[] pairEntities)
    {
        var count = pairAds.Length;
        var parts = RangeCount(count, 262144);
        var (first, last, kept) = (new int[parts], new int[parts], new int[parts + 1]);
        var ordered = 1;
        Parallel.For(0, parts, p =>
        {
            var (from, to) = (RangeStart(count, parts, p), RangeStart(count, parts, p + 1));
            var (adRow, entityRow, previous, k) = (-1L, -1L, -1, 0);
            for (var i = from; i < to; i++)
            {
                if (pairAds[i] < 0)
                {
                    continue;
                }

                var (ad, entity) = (adRows[pairAds[i]], entityRows[pairEntities[i]]);
                if (previous >= 0 && (ad < adRow || (ad == adRow && entity < entityRow)))
                {
                    Volatile.Write(ref ordered, 0);
                    return;
                }

                k += previous < 0 || ad != adRow || entity != entityRow ? 1 : 0;
                (adRow, entityRow, previous) = (ad, entity, i);
                if (first[p] == 0 && k == 1)
                {
                    first[p] = i + 1; // 1-based, so 0 means none yet
                }
            }

            (last[p], kept[p + 1]) = (previous + 1, k);
        });
        if (Volatile.Read(ref ordered) == 0)
        {
            return null;
        }

        // Where one range ends and the next begins: in order, and a pair that repeats the previous range's last is not kept.
        var skipFirst = new bool[parts];
        var lastKept = 0;
        for (var p = 0; p < parts; p++)
        {
            if (first[p] == 0)
            {
                continue;
            }

            if (lastKept > 0)
            {
                var (i, j) = (lastKept - 1, first[p] - 1);
                var (adBefore, entityBefore) = (adRows[pairAds[i]], entityRows[pairEntities[i]]);
                var (ad, entity) = (adRows[pairAds[j]], entityRows[pairEntities[j]]);
                if (ad < adBefore || (ad == adBefore && entity < entityBefore))
                {
                    return null;
                }

                if (ad == adBefore && entity == entityBefore)
                {
                    skipFirst[p] = true;
                    kept[p + 1]--;
                }
            }

            lastKept = last[p];
        }

        for (var p = 0; p < parts; p++)
        {
            kept[p + 1] += kept[p];
        }

        var linkAds = new int[kept[parts]];
        var linkEntities = new int[kept[parts]];
        Parallel.For(0, parts, p =>
        {
            var (from, to) = (RangeStart(count, parts, p), RangeStart(count, parts, p + 1));
            var (adRow, entityRow, any, o, skip) = (-1L, -1L, false, kept[p], skipFirst[p]);
            for (var i = from; i < to; i++)
            {
                if (pairAds[i] < 0)
                {
                    continue;
                }

                var (ad, entity) = (adRows[pairAds[i]], entityRows[pairEntities[i]]);
                if (!any || ad != adRow || entity != entityRow)
                {
                    if (skip)
                    {
                        skip = false;
                    }
                    else
                    {
                        linkAds[o] = pairAds[i];
                        linkEntities[o++] = pairEntities[i];
                    }
                }

                (adRow, entityRow, any) = (ad, entity, true);
            }
        });
        return (linkAds, linkEntities);
    }

    /// <summary>Runs <paramref name="range"/> over [0, <paramref name="count"/>) cut into ranges of at least
    /// <paramref name="perRange"/> items (at most four per core), in parallel; the ranges are the same for the same count.</summary>
    private static void InParallelRanges(int count, int perRange, Action<int, int> range)
    {
        var parts = RangeCount(count, perRange);
        Parallel.For(0, parts, p => range(RangeStart(count, parts, p), RangeStart(count, parts, p + 1)));
    }

    /// <summary>How many ranges <see cref="InParallelRanges"/> cuts <paramref name="count"/> items into.</summary>
    private static int RangeCount(int count, int perRange) => Math.Clamp(count / perRange, 1, Environment.ProcessorCount * 4);

    /// <summary>Where range <paramref name="part"/> of <paramref name="parts"/> over <paramref name="count"/> items starts.</summary>
    private static int RangeStart(int count, int parts, int part) => (int)((long)count * part / parts);

    /// <summary>Sorts <paramref name="keys"/>[from..from+length) with <paramref name="items"/> alongside: by insertion when short
    /// (an ad has a handful of identifiers), else as <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[], int, int)"/>.</summary>
    private static void SortRun(long[] keys, int[] items, int from, int length)
    {
        if (length > 16)
        {
            Array.Sort(keys, items, from, length);
            return;
        }

        for (var i = from + 1; i < from + length; i++)
        {
            var (key, item) = (keys[i], items[i]);
            var j = i - 1;
            for (; j >= from && keys[j] > key; j--)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }

    /// <summary>A prefetch of the mentions (<see cref="PrefetchMentions"/>): its chunks and the other thread's reading of them.</summary>
    private sealed record MentionPrefetch(MentionChunks Chunks, Task Reading);

    /// <summary>
    /// Starts reading the ad and entity of every mention up to <paramref name="stamp"/>'s highest mention row ID on a second,
    /// read-only connection of its own, or returns null on PostgreSQL or when there are none; <see cref="AwaitMentions"/>
    /// finishes it, reading chunks on <paramref name="side"/> meanwhile (<see cref="MentionChunks"/>).
    /// </summary>
    /// <remarks>
    /// Issue #21: on a full analysis without a graph snapshot file the scan of 4.3 million mention rows was half of the load
    /// at 1,000,000 ads, and it needs nothing the ad and entity scans give, so it runs on the other core meanwhile. Mentions
    /// are never updated or deleted and a new one gets a row ID above every committed one, so the rows at or below the highest
    /// ID the analysis's own read transaction sees are exactly the rows it sees; the count is checked all the same, and when it
    /// differs (or the read fails) the mentions are read on the analysis's connection as before.
    /// </remarks>
    private MentionPrefetch? PrefetchMentions(SQLitePCL.sqlite3 side, GraphSnapshotStamp stamp, CancellationToken ct)
    {
        if (IsPostgres || stamp.MentionCount <= 0 || stamp.MentionCount > Array.MaxLength)
        {
            return null;
        }

        var chunks = new MentionChunks(stamp.MentionMax, stamp.MentionCount, stamp.AdMax, MentionsReadInRanges(side));
        var reading = Enumerable.Range(0, chunks.Count > 1 ? MentionReaders : 1).Select(_ => OnSecondConnection(db =>
        {
            chunks.ReadFromFront(db, ct);
            return true;
        }, ct)).ToArray();
        return new MentionPrefetch(chunks, reading.Length == 1 ? reading[0] : Task.WhenAll(reading));
    }

    /// <summary>Runs <paramref name="read"/> on a pool thread with a read-only connection of its own to this case file
    /// (<see cref="OpenScanConnection"/>, registered with <see cref="CaseFileHandles"/> like every connection of the process):
    /// a read on the other core (#21).</summary>
    private Task<T> OnSecondConnection<T>(Func<SQLitePCL.sqlite3, T> read, CancellationToken ct)
    {
        var full = Path;
        return Task.Run(() =>
        {
            using var registration = CaseFileHandles.Acquire(full, create: false);
            using var db = OpenScanConnection(full);
            return read(db);
        }, ct);
    }

    /// <summary>
    /// A read-only connection through SQLite's own API for one scan on one thread, opened without SQLite's per-connection
    /// mutex (<c>SQLITE_OPEN_NOMUTEX</c>).
    /// </summary>
    /// <remarks>
    /// Issue #21, session 17: in SQLite's default (serialized) mode every call on a connection (each step, each column read)
    /// locks and unlocks its mutex; reading 43,000,000 mention pairs at 10,000,000 ads, that was 130,000,000 lock/unlock
    /// pairs. The mutex only guards a connection used by several threads at once; this one is opened, read, and closed by the
    /// one thread of the scan, and nothing else ever sees it (no ADO.NET object wraps it, so no finalizer can touch it).
    /// </remarks>
    internal static SQLitePCL.sqlite3 OpenScanConnection(string full)
    {
        var rc = SQLitePCL.raw.sqlite3_open_v2(full, out var db, SQLitePCL.raw.SQLITE_OPEN_READONLY | SQLitePCL.raw.SQLITE_OPEN_NOMUTEX, null);
        try
        {
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(rc, db);
            Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(SQLitePCL.raw.sqlite3_busy_timeout(db, 10_000), db);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The mentions <see cref="PrefetchMentions"/> read, chunk after chunk, reading the chunks still left on
    /// <paramref name="side"/> meanwhile, or null when it was not started, failed or disagreed.</summary>
    private static List<long>[]? AwaitMentions(MentionPrefetch? prefetch, SQLitePCL.sqlite3? side, CancellationToken ct)
    {
        if (prefetch is null || side is null)
        {
            return null;
        }

        var helped = true;
        try
        {
            prefetch.Chunks.Help(side, ct);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            helped = false; // read on the analysis's connection, once the other thread is done
        }

        try
        {
            prefetch.Reading.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            return null; // read on the analysis's connection
        }

        return helped ? prefetch.Chunks.Result() : null;
    }

    /// <summary>Dense index of each row ID (-1 for none), as an array indexed by row ID.</summary>
    private static int[] DenseIndex(IReadOnlyList<long> rows)
    {
        var max = -1L;
        foreach (var row in rows)
        {
            max = Math.Max(max, row);
        }

        var index = new int[max + 1];
        Array.Fill(index, -1);
        for (var i = 0; i < rows.Count; i++)
        {
            index[rows[i]] = i;
        }

        return index;
    }
}
