using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Records the start of a run (ingest, analyze, …) and returns its ID.</summary>
    public long BeginRun(string kind, object parameters)
    {
        using var cmd = Command("INSERT INTO runs(kind, started_at, version, parameters) VALUES ($k, $t, $v, $p) RETURNING id;");
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$t", Now());
        cmd.Parameters.AddWithValue("$v", ToolVersion);
        cmd.Parameters.AddWithValue("$p", JsonSerializer.Serialize(parameters));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Records the end of a run with its per-stage timings in milliseconds.</summary>
    public void FinishRun(long runId, IReadOnlyDictionary<string, double> timingsMs)
    {
        using var cmd = Command("UPDATE runs SET finished_at = $t, timings = $j WHERE id = $id;");
        cmd.Parameters.AddWithValue("$t", Now());
        cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(timingsMs));
        cmd.Parameters.AddWithValue("$id", runId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The version of this tool, recorded with every run.</summary>
    public static string ToolVersion { get; } =
        typeof(CaseStore).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Replaces the case's clusters and memberships with <paramref name="result"/>, in one transaction.</summary>
    /// <param name="runId">The analyze run that made <paramref name="result"/>.</param>
    /// <param name="snapshot">The snapshot the result is over.</param>
    /// <param name="result">The clustering.</param>
    /// <param name="previous">
    /// The stored cluster of each ad before this run, by ad key, when the run was incremental: then only the rows that differ
    /// are written (the stored tables end up the same as with a full replacement). Null or empty: every row is replaced.
    /// </param>
    /// <remarks>
    /// Foreign-key checks are off while the rows are written (issue #21: they cost more than the inserts themselves). Every
    /// row written refers to an ad, entity or run row of the snapshot or this run, and ads and entities are never deleted,
    /// so the checks could not fail; they are on again before this returns.
    /// </remarks>
    /// <param name="changedAds">With <paramref name="previous"/>: the ads that gained identifiers since the stored clustering
    /// (their clusters' summaries are recomputed even when their members stayed); null recomputes every cluster's summary.</param>
    public void SaveClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, IReadOnlyDictionary<string, string>? previous = null, IReadOnlySet<string>? changedAds = null)
        => SaveClustering(runId, snapshot, result, previous, changedAds, null);

    /// <summary><see cref="SaveClustering(long, CaseSnapshot, ClusteringResult, IReadOnlyDictionary{string, string}?, IReadOnlySet{string}?)"/>,
    /// adding the time of each part to <paramref name="timings"/> (keys <c>save.*_ms</c>).</summary>
    internal void SaveClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, IReadOnlyDictionary<string, string>? previous, IReadOnlySet<string>? changedAds,
        IDictionary<string, double>? timings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SaveClustering(runId, snapshot, result, previous is null ? null : PreviousClustering.FromClusters(previous, snapshot.Incidence.AdKeys), changedAds, timings);
    }

    /// <summary>As the overload keyed by ad key, with the stored clustering by dense ad of <paramref name="snapshot"/> (issue #21).</summary>
    internal void SaveClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, PreviousClustering? previous, IReadOnlySet<string>? changedAds,
        IDictionary<string, double>? timings)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        SaveClustering(runId, snapshot, result, previous, changedAds is null ? null : Array.ConvertAll(snapshot.Incidence.AdKeys, changedAds.Contains), timings);
    }

    /// <summary>As the overload above, with the ads that gained identifiers marked by dense ad (<see cref="ChangedAds"/>);
    /// <paramref name="clusterRowsNext"/>, when given, is completed once a full replacement has its cluster summaries and its
    /// memberships index, when only the cluster rows (one thread) are left to write, or at once for an update: for work that
    /// should not share the two cores with those (<see cref="BeginGraphSnapshotWrite"/>).</summary>
    internal void SaveClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, PreviousClustering? previous, bool[]? changedAds,
        IDictionary<string, double>? timings, TaskCompletionSource? clusterRowsNext = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(result);
        ForeignKeys(on: false);
        try
        {
            if (previous is { AssignedCount: > 0 })
            {
                clusterRowsNext?.TrySetResult();
                UpdateClustering(runId, snapshot, result, previous, changedAds, timings);
            }
            else
            {
                ReplaceClustering(runId, snapshot, result, timings, clusterRowsNext);
            }
        }
        finally
        {
            ForeignKeys(on: true);
            clusterRowsNext?.TrySetResult();
        }
    }

    /// <summary>One row of <c>clusters</c> with its component and cohesion.</summary>
    private readonly record struct ClusterRow(
        string Id, int Size, int Phones, int Emails, int Entities, string Cities, int CityCount, string? First, string? Last, string Component, double Cohesion);

    private void ReplaceClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, IDictionary<string, double>? timings,
        TaskCompletionSource? clusterRowsNext)
    {
        var lap = System.Diagnostics.Stopwatch.StartNew();
        EnsureAdFacts(snapshot, null);
        CaseAnalyzer.Lap(timings, "save.ad_facts_ms", lap);
        // Issue #21: the summaries need only the snapshot and the result, so they are computed on the other core while this
        // thread writes hubs and memberships; the cluster rows are written once they are done.
        var summariesMs = 0.0;
        var summaries = Task.Run(() =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var summarizer = new ClusterSummarizer(snapshot);
            // In ID order (issue #21): each row then lands at the end of the three tables' ID indexes instead of at a random
            // page of each; every reader orders or keys clusters by ID, none relies on insertion order.
            var sorted = result.Clusters.Select(summarizer.Row).OrderBy(row => row.Id, StringComparer.Ordinal).ToList();
            summariesMs = watch.Elapsed.TotalMilliseconds;
            return sorted;
        });
        // The memberships' cluster index is built through temporary files (IndexBuildSorting; #21, session 13), switched
        // outside the save's transaction; if they cannot be written the save runs once more sorting in memory, as before.
        var throughFiles = !IsPostgres;
        if (throughFiles)
        {
            IndexBuildSorting.ThroughFiles(Db);
        }

        try
        {
            try
            {
                WriteReplacement(runId, snapshot, result, summaries, timings, lap, throughFiles, clusterRowsNext);
            }
            catch (SqliteException ex) when (throughFiles && IndexBuildSorting.IsTemporaryStorageFailure(ex))
            {
                IndexBuildSorting.InMemory(Db);
                throughFiles = false;
                WriteReplacement(runId, snapshot, result, summaries, timings, lap, throughFiles, clusterRowsNext);
            }
        }
        catch
        {
            // The summaries finish before the failure is reported (they read the snapshot the caller gets back).
            try
            {
                summaries.Wait();
            }
            catch (AggregateException)
            {
                // The write's failure is the one reported.
            }

            throw;
        }
        finally
        {
            if (!IsPostgres)
            {
                IndexBuildSorting.InMemory(Db);
            }
        }

        if (timings is not null)
        {
            timings["save.summaries_ms"] = summariesMs;
        }
    }

    private void WriteReplacement(long runId, CaseSnapshot snapshot, ClusteringResult result, Task<List<ClusterRow>> summaries,
        IDictionary<string, double>? timings, System.Diagnostics.Stopwatch lap, bool sortThroughFiles, TaskCompletionSource? clusterRowsNext)
    {
        using var tx = BeginWrite();
        // Full replacement (issue #21): the cluster index on memberships is dropped and built again after the rows are in,
        // one sort instead of a million random index inserts; rolled back with everything else on failure.
        Execute(Db, "DELETE FROM memberships; DELETE FROM clusters; DELETE FROM cluster_components; DELETE FROM cluster_cohesion;", tx);
        if (!IsPostgres)
        {
            // Not on PostgreSQL: there DROP INDEX locks the table against readers until the analysis commits.
            Execute(Db, "DROP INDEX IF EXISTS memberships_cluster;", tx);
        }

        CaseAnalyzer.Lap(timings, "save.delete_ms", lap);
        WriteHubs(runId, snapshot, result, tx);
        CaseAnalyzer.Lap(timings, "save.hubs_ms", lap);

        // Memberships in ad row order: appends to the table (keyed by ad row).
        var clusterOfAd = ClusterOfAd(snapshot, result);
        if (!IsPostgres)
        {
            WriteMembershipsRaw(snapshot, result, clusterOfAd);
        }
        else
        {
            using var insert = new MembershipInserter(this, tx);
            foreach (var a in AdsInRowOrder(snapshot))
            {
                if (clusterOfAd[a] >= 0)
                {
                    insert.Add(snapshot.AdRowIds[a], result.Clusters[clusterOfAd[a]].Id);
                }
            }

            insert.Flush();
        }

        CaseAnalyzer.Lap(timings, "save.memberships_ms", lap);
        if (!IsPostgres)
        {
            // Sorted in runs of the size of a small page cache (IndexBuildSorting): 1M memberships in sqlite3 2.02 -> 0.85 CPU s.
            var cacheSize = IndexBuildSorting.CacheSize(Db, tx);
            if (sortThroughFiles)
            {
                IndexBuildSorting.SetCacheSize(Db, -IndexBuildSorting.CacheKib, tx);
            }

            Execute(Db, "CREATE INDEX memberships_cluster ON memberships(cluster_id);", tx);
            IndexBuildSorting.SetCacheSize(Db, cacheSize, tx);
        }

        CaseAnalyzer.Lap(timings, "save.memberships_index_ms", lap);
        var rows = summaries.GetAwaiter().GetResult();
        CaseAnalyzer.Lap(timings, "save.summaries_wait_ms", lap);
        clusterRowsNext?.TrySetResult();
        if (IsPostgres)
        {
            using var writer = new ClusterRowWriter(this, runId, tx);
            foreach (var row in rows)
            {
                writer.Write(row);
            }
        }
        else
        {
            WriteClusterRowsRaw(runId, rows);
        }

        CaseAnalyzer.Lap(timings, "save.clusters_ms", lap);
        tx.Commit();
        CaseAnalyzer.Lap(timings, "save.commit_ms", lap);
    }

    /// <summary>
    /// Writes only what differs from the stored clustering (issue #21: an incremental run after a small ingest changes a few
    /// clusters of many): clusters gone are deleted, new or changed cluster rows replaced, every cluster row gets this run's
    /// ID, and only ads whose cluster changed get a membership row. Hub verdicts and group counts are replaced.
    /// </summary>
    private void UpdateClustering(long runId, CaseSnapshot snapshot, ClusteringResult result, PreviousClustering previous, bool[]? changedAds,
        IDictionary<string, double>? timings)
    {
        var lap = System.Diagnostics.Stopwatch.StartNew();
        // A cluster's summary can differ from the stored one only when an ad joined or left it or one of its ads gained
        // identifiers (ads' city and posting time never change); only those are recomputed, from their ads' facts.
        var adCount = snapshot.Incidence.AdCount;
        var clusterOfAd = ClusterOfAd(snapshot, result);
        var indexOfId = new Dictionary<string, int>(result.Clusters.Count, StringComparer.Ordinal);
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            indexOfId[result.Clusters[c].Id] = c;
        }

        // Issue #21: each previous cluster's index in the result (-1 when its ID is gone), so that an ad's stored and new
        // cluster IDs are compared as two integers: one look-up per previous cluster instead of a string compare per ad.
        var nowOfPrevious = new int[previous.ClusterIds.Count];
        for (var p = 0; p < nowOfPrevious.Length; p++)
        {
            nowOfPrevious[p] = indexOfId.TryGetValue(previous.ClusterIds[p], out var c) ? c : -1;
        }

        var dirty = new bool[result.Clusters.Count];
        // The ads whose cluster ID changed (joined, left or moved), the only ones that get a membership row.
        var moved = new List<int>();
        for (var a = 0; a < adCount; a++)
        {
            var was = previous.ClusterOfAd[a];
            var now = clusterOfAd[a];
            var same = was < 0 ? now < 0 : now >= 0 && nowOfPrevious[was] == now;
            if (!same)
            {
                moved.Add(a);
            }

            if (changedAds is null || !same || changedAds[a])
            {
                if (now >= 0)
                {
                    dirty[now] = true;
                }

                if (was >= 0 && nowOfPrevious[was] >= 0)
                {
                    dirty[nowOfPrevious[was]] = true;
                }
            }
        }

        CaseAnalyzer.Lap(timings, "save.diff_ms", lap);
        var stored = new Dictionary<string, ClusterRow>(StringComparer.Ordinal);
        using (var cmd = Command("""
            SELECT c.id, c.size, c.phones, c.emails, c.entities, c.cities, c.city_count, c.first_seen, c.last_seen, cc.component_id, co.cohesion
            FROM clusters c LEFT JOIN cluster_components cc ON cc.cluster_id = c.id LEFT JOIN cluster_cohesion co ON co.cluster_id = c.id;
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                stored[id] = new ClusterRow(id, r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6),
                    r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? "" : r.GetString(9),
                    r.IsDBNull(10) ? double.NaN : r.GetDouble(10));
            }
        }

        CaseAnalyzer.Lap(timings, "save.stored_clusters_ms", lap);
        var dirtyAds = new List<int>();
        for (var c = 0; c < dirty.Length; c++)
        {
            dirty[c] |= !stored.ContainsKey(result.Clusters[c].Id);
            if (dirty[c])
            {
                dirtyAds.AddRange(result.Clusters[c].AdIndexes);
            }
        }

        if (timings is not null)
        {
            // Counts, not times: how much of the clustering this save rewrites (issue #21).
            timings["save.clusters_dirty"] = dirty.Count(d => d);
            timings["save.ads_dirty"] = dirtyAds.Count;
            timings["save.ads_moved"] = moved.Count;
        }

        EnsureAdFacts(snapshot, dirtyAds);
        CaseAnalyzer.Lap(timings, "save.ad_facts_ms", lap);
        var summarizer = new ClusterSummarizer(snapshot, dirtyAds);
        var rows = result.Clusters.Select((c, i) => dirty[i]
            ? summarizer.Row(c)
            : stored[c.Id] with { Component = c.ComponentId ?? c.Id, Cohesion = c.Cohesion }).ToList();
        CaseAnalyzer.Lap(timings, "save.summaries_ms", lap);
        using var tx = BeginWrite();
        WriteHubs(runId, snapshot, result, tx);
        CaseAnalyzer.Lap(timings, "save.hubs_ms", lap);
        var current = new HashSet<string>(rows.Select(row => row.Id), StringComparer.Ordinal);
        using (var delete = Command("DELETE FROM clusters WHERE id = $id; DELETE FROM cluster_components WHERE cluster_id = $id; DELETE FROM cluster_cohesion WHERE cluster_id = $id;", tx))
        {
            var p = CaseDialect.Add(delete, "$id", System.Data.DbType.String);
            foreach (var id in stored.Keys.Where(id => !current.Contains(id)).Order(StringComparer.Ordinal))
            {
                p.Value = id;
                delete.ExecuteNonQuery();
            }
        }

        using (var writer = new ClusterRowWriter(this, runId, tx, replace: true))
        {
            foreach (var row in rows.OrderBy(row => row.Id, StringComparer.Ordinal))
            {
                // Cohesion compared bit for bit: a REAL column round-trips a double exactly.
                if (!stored.TryGetValue(row.Id, out var old) || old with { Cohesion = 0 } != row with { Cohesion = 0 }
                    || BitConverter.DoubleToInt64Bits(old.Cohesion) != BitConverter.DoubleToInt64Bits(row.Cohesion))
                {
                    writer.Write(row);
                }
            }
        }

        CaseAnalyzer.Lap(timings, "save.clusters_ms", lap);
        using (var stamp = Command("UPDATE clusters SET run_id = $run WHERE run_id <> $run;", tx))
        {
            stamp.Parameters.AddWithValue("$run", runId);
            stamp.ExecuteNonQuery();
        }

        CaseAnalyzer.Lap(timings, "save.stamp_ms", lap);

        using (var upsert = Command("INSERT OR REPLACE INTO memberships(ad, cluster_id) VALUES ($ad, $c);", tx))
        using (var remove = Command("DELETE FROM memberships WHERE ad = $ad;", tx))
        {
            var pAd = CaseDialect.Add(upsert, "$ad", System.Data.DbType.Int64);
            var pCluster = CaseDialect.Add(upsert, "$c", System.Data.DbType.String);
            var pRemove = CaseDialect.Add(remove, "$ad", System.Data.DbType.Int64);
            // In ad row order, as before, but only the moved ads are sorted (#21: not all 1,000,000).
            var rowOrder = moved.Select(a => snapshot.AdRowIds[a]).ToArray();
            var inRowOrder = moved.ToArray();
            Array.Sort(rowOrder, inRowOrder);
            foreach (var a in inRowOrder)
            {
                var now = clusterOfAd[a] >= 0 ? result.Clusters[clusterOfAd[a]].Id : null;
                if (now is null)
                {
                    pRemove.Value = snapshot.AdRowIds[a];
                    remove.ExecuteNonQuery();
                }
                else
                {
                    pAd.Value = snapshot.AdRowIds[a];
                    pCluster.Value = now;
                    upsert.ExecuteNonQuery();
                }
            }
        }

        CaseAnalyzer.Lap(timings, "save.memberships_ms", lap);
        tx.Commit();
        CaseAnalyzer.Lap(timings, "save.commit_ms", lap);
    }

    /// <summary>Replaces <c>hub_entities</c> and <c>entity_groups</c> with the result's hub verdicts and group counts.</summary>
    private void WriteHubs(long runId, CaseSnapshot snapshot, ClusteringResult result, System.Data.Common.DbTransaction tx)
    {
        Execute(Db, "DELETE FROM hub_entities; DELETE FROM entity_groups;", tx);
        using (var insertHub = Command("INSERT INTO hub_entities(entity, run_id, reason, ads, groups_joined) VALUES ($e, $run, $reason, $ads, $groups);", tx))
        {
            CaseIngestor.Bind(insertHub, "$e", "$run", "$reason", "$ads", "$groups");
            foreach (var hub in result.Hubs?.Hubs ?? [])
            {
                insertHub.Parameters[0].Value = snapshot.EntityRowIds[hub.Entity];
                insertHub.Parameters[1].Value = runId;
                insertHub.Parameters[2].Value = StoredHub.NameOf(hub.Reason);
                insertHub.Parameters[3].Value = hub.AdCount;
                insertHub.Parameters[4].Value = hub.GroupsJoined;
                insertHub.ExecuteNonQuery();
            }
        }

        if (result.Hubs is { } report && !IsPostgres)
        {
            WriteEntityGroupsRaw(snapshot, report);
        }
        else if (result.Hubs is { } bound)
        {
            using var insertGroups = Command("INSERT INTO entity_groups(entity, groups_joined) VALUES ($e, $g);", tx);
            CaseIngestor.Bind(insertGroups, "$e", "$g");
            for (var e = 0; e < bound.GroupsJoined.Count; e++)
            {
                if (bound.GroupsJoined[e] >= 2 && !bound.IsHub(e))
                {
                    insertGroups.Parameters[0].Value = snapshot.EntityRowIds[e];
                    insertGroups.Parameters[1].Value = bound.GroupsJoined[e];
                    insertGroups.ExecuteNonQuery();
                }
            }
        }
    }

    /// <summary>
    /// Computes clusters' stored summaries: size, phone/e-mail/entity counts, cities by frequency (JSON), first and last posting.
    /// Issue #21: entities per ad as one CSR array and a visit stamp per entity instead of a list per ad and a set per cluster,
    /// and the JSON of one-city lists cached (most clusters), which made the summaries of 100,000 ads several times cheaper;
    /// the rows are the same.
    /// </summary>
    private sealed class ClusterSummarizer
    {
        private readonly CaseSnapshot _snapshot;
        private readonly int[] _first;
        private readonly int[] _end;
        private readonly int[] _entities;
        // Each entity's visit stamp in the low 30 bits, with whether it is a phone or an e-mail in the two bits above: one random
        // read per link where a stamp array and the types array took two (#21, session 16: at 10,000,000 ads the summaries
        // read 43,000,000 links, each at an entity's place in two arrays of 60 MB, beside the save's memberships).
        private readonly int[] _seen;
        private const int StampBits = 0x3FFF_FFFF;
        private const int PhoneBit = 0x4000_0000;
        private const int EmailBit = unchecked((int)0x8000_0000);
        private readonly Dictionary<string, int> _cityCounts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _oneCityJson = new(StringComparer.Ordinal);
        private readonly string _noCityJson = JsonSerializer.Serialize(new List<string>());
        private int _stamp;

        public ClusterSummarizer(CaseSnapshot snapshot)
            : this(snapshot, null)
        {
        }

        /// <summary>A summarizer of clusters whose ads are all among <paramref name="ads"/> (null: any cluster).</summary>
        /// <remarks>Issue #21: an incremental save summarizes the few clusters that changed; only their ads' links are
        /// gathered, not the 4.3 million links of a 1M case.</remarks>
        public ClusterSummarizer(CaseSnapshot snapshot, IReadOnlyList<int>? ads)
        {
            _snapshot = snapshot;
            var incidence = snapshot.Incidence;
            bool[]? include = null;
            if (ads is not null)
            {
                include = new bool[incidence.AdCount];
                foreach (var a in ads)
                {
                    include[a] = true;
                }
            }

            var linkAds = incidence.LinkAds;
            if (include is null && LinksGroupedByAd(linkAds, incidence.AdCount, out var first, out var end))
            {
                // The snapshot's links already come ad by ad (in ad row order): each ad's entities are read where they are
                // (#21, session 14: no copy of the 43,000,000 links of a 10M case into dense ad order).
                (_first, _end, _entities) = (first, end, incidence.LinkEntities);
            }
            else
            {
                var start = new int[incidence.AdCount + 1];
                foreach (var a in linkAds)
                {
                    if (include is null || include[a])
                    {
                        start[a + 1]++;
                    }
                }

                for (var a = 0; a < incidence.AdCount; a++)
                {
                    start[a + 1] += start[a];
                }

                var fill = (int[])start.Clone();
                _entities = new int[start[incidence.AdCount]];
                for (var i = 0; i < linkAds.Length; i++)
                {
                    if (include is null || include[linkAds[i]])
                    {
                        _entities[fill[linkAds[i]]++] = incidence.LinkEntities[i];
                    }
                }

                _first = start;
                _end = new ReadOnlyMemory<int>(start, 1, incidence.AdCount).ToArray();
            }

            _seen = new int[incidence.EntityCount];
            var types = incidence.EntityTypes;
            for (var e = 0; e < _seen.Length; e++)
            {
                _seen[e] = types[e] switch { EntityType.Phone => PhoneBit, EntityType.Email => EmailBit, _ => 0 };
            }
        }

        /// <summary>Whether every ad's links are consecutive in <paramref name="linkAds"/>; then where each ad's run starts and ends.</summary>
        private static bool LinksGroupedByAd(int[] linkAds, int adCount, out int[] first, out int[] end)
        {
            first = new int[adCount];
            end = new int[adCount];
            for (var i = 0; i < linkAds.Length;)
            {
                var a = linkAds[i];
                if (end[a] != 0)
                {
                    return false;
                }

                var j = i + 1;
                while (j < linkAds.Length && linkAds[j] == a)
                {
                    j++;
                }

                (first[a], end[a]) = (i, j);
                i = j;
            }

            return true;
        }

        public ClusterRow Row(Cluster cluster)
        {
            if (_stamp == StampBits)
            {
                for (var e = 0; e < _seen.Length; e++)
                {
                    _seen[e] &= ~StampBits;
                }

                _stamp = 0;
            }

            _stamp++;
            _cityCounts.Clear();
            int phones = 0, emails = 0, entities = 0;
            string? first = null, last = null;
            foreach (var a in cluster.AdIndexes)
            {
                for (var j = _first[a]; j < _end[a]; j++)
                {
                    var e = _entities[j];
                    var seen = _seen[e];
                    if ((seen & StampBits) != _stamp)
                    {
                        _seen[e] = (seen & ~StampBits) | _stamp;
                        entities++;
                        phones += (seen & PhoneBit) != 0 ? 1 : 0;
                        emails += seen < 0 ? 1 : 0; // EmailBit is the sign bit
                    }
                }

                if (_snapshot.AdCities[a] is { } city)
                {
                    _cityCounts[city] = _cityCounts.GetValueOrDefault(city) + 1;
                }

                if (_snapshot.AdPostedAt[a] is { } t)
                {
                    first = first is null || string.CompareOrdinal(t, first) < 0 ? t : first;
                    last = last is null || string.CompareOrdinal(t, last) > 0 ? t : last;
                }
            }

            string json;
            switch (_cityCounts.Count)
            {
                case 0:
                    json = _noCityJson;
                    break;
                case 1:
                    var only = _cityCounts.Keys.First();
                    json = _oneCityJson.TryGetValue(only, out var cached) ? cached : _oneCityJson[only] = JsonSerializer.Serialize(new List<string> { only });
                    break;
                default:
                    json = JsonSerializer.Serialize(_cityCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList());
                    break;
            }

            return new ClusterRow(cluster.Id, cluster.Size, phones, emails, entities, json, _cityCounts.Count, first, last, cluster.ComponentId ?? cluster.Id, cluster.Cohesion);
        }
    }

    /// <summary>The index in <c>result.Clusters</c> of each dense ad's cluster (-1 for none).</summary>
    /// <remarks>Issue #21, session 18: the result's own <see cref="ClusteringResult.AdCluster"/> when it covers every ad of the
    /// snapshot, the clusters' sizes add up to the ad count and each cluster's first ad maps back to it (writing 10,000,000
    /// entries at random places took 0.45 s of the save's thread); built from the clusters otherwise.</remarks>
    internal static int[] ClusterOfAd(CaseSnapshot snapshot, ClusteringResult result)
    {
        if (CoversEveryAd(result, snapshot.Incidence.AdCount))
        {
            return result.AdCluster;
        }

        var clusterOfAd = new int[snapshot.Incidence.AdCount];
        Array.Fill(clusterOfAd, -1);
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            foreach (var a in result.Clusters[c].AdIndexes)
            {
                clusterOfAd[a] = c;
            }
        }

        return clusterOfAd;
    }

    /// <summary>Whether <paramref name="result"/>'s <see cref="ClusteringResult.AdCluster"/> can stand for the clusters'
    /// own ad lists: one entry per ad, sizes adding up to the ad count, every cluster's first ad mapped back to it.</summary>
    private static bool CoversEveryAd(ClusteringResult result, int adCount)
    {
        var adCluster = result.AdCluster;
        if (adCluster is null || adCluster.Length != adCount)
        {
            return false;
        }

        long sizes = 0;
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            var ads = result.Clusters[c].AdIndexes;
            if (ads.Count == 0 || (uint)ads[0] >= (uint)adCount || adCluster[ads[0]] != c)
            {
                return false;
            }

            sizes += ads.Count;
        }

        return sizes == adCount;
    }

    /// <summary>The snapshot's dense ads ordered by row ID (writes in key order of tables keyed by ad row).</summary>
    private static int[] AdsInRowOrder(CaseSnapshot snapshot) => AdsInRowOrder(snapshot.AdRowIds);

    /// <summary>The indexes of <paramref name="rowIds"/> (distinct) in ascending order of their values.</summary>
    internal static int[] AdsInRowOrder(long[] rowIds)
    {
        var byRow = new int[rowIds.Length];
        if (rowIds.Length == 0)
        {
            return byRow;
        }

        long min = rowIds[0], max = rowIds[0];
        foreach (var row in rowIds)
        {
            min = Math.Min(min, row);
            max = Math.Max(max, row);
        }

        if (max - min < 4L * rowIds.Length)
        {
            // Row IDs are dense (ads are never deleted, so gaps are rare): placed by row ID in one pass, not sorted
            // (#21: dense ads are in ad key order, and sorting 10,000,000 row IDs cost about a second).
            var slot = new int[max - min + 1];
            for (var a = 0; a < rowIds.Length; a++)
            {
                slot[rowIds[a] - min] = a + 1;
            }

            var n = 0;
            foreach (var s in slot)
            {
                if (s > 0)
                {
                    byRow[n++] = s - 1;
                }
            }

            if (n == byRow.Length)
            {
                return byRow;
            }
        }

        for (var a = 0; a < byRow.Length; a++)
        {
            byRow[a] = a;
        }

        Array.Sort((long[])rowIds.Clone(), byRow);
        return byRow;
    }

    /// <summary>
    /// Inserts memberships <see cref="Batch"/> rows per statement (issue #21: one statement per row spent more in binding and
    /// stepping the statement than in SQLite's B-tree), in the order added; <see cref="Flush"/> writes the rest one by one.
    /// </summary>
    private sealed class MembershipInserter : IDisposable
    {
        private const int Batch = 200;
        private readonly System.Data.Common.DbCommand _many;
        private readonly System.Data.Common.DbCommand _one;
        private readonly List<(long Ad, string Cluster)> _pending = new(Batch);

        public MembershipInserter(CaseStore store, System.Data.Common.DbTransaction tx)
        {
            _many = store.Command("INSERT INTO memberships(ad, cluster_id) VALUES "
                + string.Join(", ", Enumerable.Range(0, Batch).Select(i => $"($a{i}, $c{i})")) + ";", tx);
            for (var i = 0; i < Batch; i++)
            {
                CaseDialect.Add(_many, $"$a{i}", System.Data.DbType.Int64);
                CaseDialect.Add(_many, $"$c{i}", System.Data.DbType.String);
            }

            _one = store.Command("INSERT INTO memberships(ad, cluster_id) VALUES ($a, $c);", tx);
            CaseIngestor.Bind(_one, "$a", "$c");
        }

        public void Add(long ad, string cluster)
        {
            _pending.Add((ad, cluster));
            if (_pending.Count == Batch)
            {
                for (var i = 0; i < Batch; i++)
                {
                    _many.Parameters[2 * i].Value = _pending[i].Ad;
                    _many.Parameters[(2 * i) + 1].Value = _pending[i].Cluster;
                }

                _many.ExecuteNonQuery();
                _pending.Clear();
            }
        }

        /// <summary>Inserts the rows still pending (fewer than a batch).</summary>
        public void Flush()
        {
            foreach (var (ad, cluster) in _pending)
            {
                _one.Parameters[0].Value = ad;
                _one.Parameters[1].Value = cluster;
                _one.ExecuteNonQuery();
            }

            _pending.Clear();
        }

        public void Dispose()
        {
            _many.Dispose();
            _one.Dispose();
        }
    }

    /// <summary>Prepared inserts of cluster rows with their component and cohesion.</summary>
    private sealed class ClusterRowWriter : IDisposable
    {
        private readonly long _runId;
        private readonly System.Data.Common.DbCommand _cluster;
        private readonly System.Data.Common.DbCommand _component;
        private readonly System.Data.Common.DbCommand _cohesion;

        public ClusterRowWriter(CaseStore store, long runId, System.Data.Common.DbTransaction tx, bool replace = false)
        {
            _runId = runId;
            var verb = replace ? "INSERT OR REPLACE" : "INSERT";
            _cohesion = store.Command(verb + " INTO cluster_cohesion(cluster_id, cohesion) VALUES ($c, $v);", tx);
            CaseIngestor.Bind(_cohesion, "$c", "$v");
            _component = store.Command(verb + " INTO cluster_components(cluster_id, component_id) VALUES ($c, $comp);", tx);
            CaseIngestor.Bind(_component, "$c", "$comp");
            _cluster = store.Command(verb + """
                 INTO clusters(id, run_id, size, phones, emails, entities, cities, city_count, first_seen, last_seen)
                VALUES ($id, $run, $size, $phones, $emails, $entities, $cities, $cityCount, $first, $last);
                """, tx);
            CaseIngestor.Bind(_cluster, "$id", "$run", "$size", "$phones", "$emails", "$entities", "$cities", "$cityCount", "$first", "$last");
        }

        public void Write(ClusterRow row)
        {
            _cluster.Parameters[0].Value = row.Id;
            _cluster.Parameters[1].Value = _runId;
            _cluster.Parameters[2].Value = row.Size;
            _cluster.Parameters[3].Value = row.Phones;
            _cluster.Parameters[4].Value = row.Emails;
            _cluster.Parameters[5].Value = row.Entities;
            _cluster.Parameters[6].Value = row.Cities;
            _cluster.Parameters[7].Value = row.CityCount;
            _cluster.Parameters[8].Value = CaseIngestor.Db(row.First);
            _cluster.Parameters[9].Value = CaseIngestor.Db(row.Last);
            _cluster.ExecuteNonQuery();
            _component.Parameters[0].Value = row.Id;
            _component.Parameters[1].Value = row.Component;
            _component.ExecuteNonQuery();
            _cohesion.Parameters[0].Value = row.Id;
            _cohesion.Parameters[1].Value = row.Cohesion;
            _cohesion.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _cluster.Dispose();
            _component.Dispose();
            _cohesion.Dispose();
        }
    }

    /// <summary>
    /// Every currently clustered ad's component and cluster ID, by ad key; null when some current cluster has no recorded
    /// component (a case analysed before components were stored), so that the caller falls back to a full analysis.
    /// </summary>
    public Dictionary<string, (string ComponentId, string ClusterId)>? ClusterAssignments()
    {
        using var cmd = Command("""
            SELECT a.ad_key, m.cluster_id, cc.component_id FROM memberships m JOIN ads a ON a.id = m.ad
            LEFT JOIN cluster_components cc ON cc.cluster_id = m.cluster_id;
            """);
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        while (r.Read())
        {
            if (r.IsDBNull(2))
            {
                return null;
            }

            map[r.GetString(0)] = (r.GetString(2), r.GetString(1));
        }

        return map;
    }

    /// <summary>The parameters JSON of the run that produced the current clusters, or null when there are none.</summary>
    public string? ClusteringRunParameters()
    {
        using var cmd = Command("SELECT parameters FROM runs WHERE id = (SELECT max(run_id) FROM clusters);");
        return cmd.ExecuteScalar() as string;
    }

    /// <summary>
    /// The phone metadata each kind of run used, most recent run of each kind first ("ingest" → "libphonenumber-csharp
    /// 9.0.43"); runs made before the version was recorded report "not recorded".
    /// </summary>
    public IReadOnlyList<(string Kind, string PhoneMetadata)> PhoneMetadataOfRuns()
    {
        // Read in C#, not with json_extract/json_valid: the same code then runs on PostgreSQL (doctor, #22). Runs are few.
        using var cmd = Command("SELECT kind, parameters FROM runs WHERE kind IN ('ingest', 'analyze') ORDER BY kind, id DESC;");
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            string metadata;
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(r.GetString(1));
                metadata = json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && json.RootElement.TryGetProperty("phone_metadata", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                        ? value.GetString()!
                        : "not recorded";
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            // Each kind's distinct versions, the one of its latest run first (rows come newest first within a kind).
            if (!list.Contains((r.GetString(0), metadata)))
            {
                list.Add((r.GetString(0), metadata));
            }
        }

        return list;
    }

    /// <summary>The recorded timings and counts of run <paramref name="runId"/> (empty when it has none).</summary>
    public IReadOnlyDictionary<string, double> RunTimings(long runId)
    {
        using var cmd = Command("SELECT timings FROM runs WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", runId);
        return cmd.ExecuteScalar() is string json
            ? JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? []
            : new Dictionary<string, double>();
    }

    /// <summary>Lists clusters, largest first (ties by ID), with at least <paramref name="minSize"/> ads.</summary>
    public IReadOnlyList<ClusterSummary> ListClusters(int minSize = 1, int? limit = null)
    {
        using var cmd = Command("""
            SELECT id, size, phones, emails, entities, cities, first_seen, last_seen FROM clusters
            WHERE size >= $min ORDER BY size DESC, id LIMIT $limit;
            """);
        cmd.Parameters.AddWithValue("$min", minSize);
        cmd.Parameters.AddWithValue("$limit", limit ?? Dialect.NoLimit);
        using var r = cmd.ExecuteReader();
        var list = new List<ClusterSummary>();
        while (r.Read())
        {
            list.Add(new ClusterSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4),
                JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return list;
    }

    /// <summary>Every ad's key with its cluster ID (null when the case has not been analysed since the ad arrived), by ad key.</summary>
    public IEnumerable<(string AdKey, string AdId, string? ClusterId)> Memberships()
    {
        using var cmd = Command("SELECT a.ad_key, a.ad_id, m.cluster_id FROM ads a LEFT JOIN memberships m ON m.ad = a.id ORDER BY a.ad_key;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        }
    }

    /// <summary>Counts of the case's main tables.</summary>
    public CaseCounts Counts()
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM ads), (SELECT count(*) FROM entities),
                   (SELECT count(*) FROM mentions), (SELECT count(*) FROM clusters), (SELECT count(*) FROM ingest_errors WHERE field IS DISTINCT FROM 'images'),
                   (SELECT count(*) FROM ads a WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.ad = a.id));
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new CaseCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
    }
}
