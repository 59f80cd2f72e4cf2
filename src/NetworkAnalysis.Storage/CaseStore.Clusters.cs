using System.Globalization;
using System.Text.Json;
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
    /// <remarks>
    /// Foreign-key checks are off while the rows are written (issue #21: they cost more than the inserts themselves). Every
    /// row written refers to an ad, entity or run row of the snapshot or this run, and ads and entities are never deleted,
    /// so the checks could not fail; they are on again before this returns.
    /// </remarks>
    public void SaveClustering(long runId, CaseSnapshot snapshot, ClusteringResult result)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(result);
        Execute(Connection, "PRAGMA foreign_keys = OFF;");
        try
        {
            ReplaceClustering(runId, snapshot, result);
        }
        finally
        {
            Execute(Connection, "PRAGMA foreign_keys = ON;");
        }
    }

    private void ReplaceClustering(long runId, CaseSnapshot snapshot, ClusteringResult result)
    {
        var incidence = snapshot.Incidence;
        var entitiesOfAd = new List<int>[incidence.AdCount];
        for (var i = 0; i < incidence.LinkCount; i++)
        {
            (entitiesOfAd[incidence.LinkAds[i]] ??= []).Add(incidence.LinkEntities[i]);
        }

        using var tx = Connection.BeginTransaction();
        // Full replacement (issue #21): the cluster index on memberships is dropped and built again after the rows are in,
        // one sort instead of a million random index inserts; rolled back with everything else on failure.
        Execute(Connection, "DELETE FROM memberships; DELETE FROM clusters; DELETE FROM cluster_components; DELETE FROM hub_entities; DELETE FROM cluster_cohesion; DELETE FROM entity_groups;", tx);
        Execute(Connection, "DROP INDEX IF EXISTS memberships_cluster;", tx);
        using (var insertHub = Command("INSERT INTO hub_entities(entity, run_id, reason, ads, groups_joined) VALUES ($e, $run, $reason, $ads, $groups);", tx))
        {
            CaseIngestor.Bind(insertHub, "$e", "$run", "$reason", "$ads", "$groups");
            foreach (var hub in result.Hubs?.Hubs ?? [])
            {
                insertHub.Parameters[0].Value = snapshot.EntityRowIds[hub.Entity];
                insertHub.Parameters[1].Value = runId;
                insertHub.Parameters[2].Value = hub.Reason == Core.Graphs.HubReason.TooManyAds ? "too_many_ads" : "too_many_groups";
                insertHub.Parameters[3].Value = hub.AdCount;
                insertHub.Parameters[4].Value = hub.GroupsJoined;
                insertHub.ExecuteNonQuery();
            }
        }

        if (result.Hubs is { } report)
        {
            using var insertGroups = Command("INSERT INTO entity_groups(entity, groups_joined) VALUES ($e, $g);", tx);
            CaseIngestor.Bind(insertGroups, "$e", "$g");
            for (var e = 0; e < report.GroupsJoined.Count; e++)
            {
                if (report.GroupsJoined[e] >= 2 && !report.IsHub(e))
                {
                    insertGroups.Parameters[0].Value = snapshot.EntityRowIds[e];
                    insertGroups.Parameters[1].Value = report.GroupsJoined[e];
                    insertGroups.ExecuteNonQuery();
                }
            }
        }

        using var insertCohesion = Command("INSERT INTO cluster_cohesion(cluster_id, cohesion) VALUES ($c, $v);", tx);
        CaseIngestor.Bind(insertCohesion, "$c", "$v");
        using var insertComponent = Command("INSERT INTO cluster_components(cluster_id, component_id) VALUES ($c, $comp);", tx);
        CaseIngestor.Bind(insertComponent, "$c", "$comp");
        using var insertCluster = Command("""
            INSERT INTO clusters(id, run_id, size, phones, emails, entities, cities, city_count, first_seen, last_seen)
            VALUES ($id, $run, $size, $phones, $emails, $entities, $cities, $cityCount, $first, $last);
            """, tx);
        CaseIngestor.Bind(insertCluster, "$id", "$run", "$size", "$phones", "$emails", "$entities", "$cities", "$cityCount", "$first", "$last");
        var clusterOfAd = new int[incidence.AdCount];
        Array.Fill(clusterOfAd, -1);
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            foreach (var a in result.Clusters[c].AdIndexes)
            {
                clusterOfAd[a] = c;
            }
        }

        foreach (var cluster in result.Clusters)
        {
            var entities = new HashSet<int>();
            var cityCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            string? first = null, last = null;
            foreach (var a in cluster.AdIndexes)
            {
                if (entitiesOfAd[a] is { } list)
                {
                    entities.UnionWith(list);
                }

                if (snapshot.AdCities[a] is { } city)
                {
                    cityCounts[city] = cityCounts.GetValueOrDefault(city) + 1;
                }

                if (snapshot.AdPostedAt[a] is { } t)
                {
                    first = first is null || string.CompareOrdinal(t, first) < 0 ? t : first;
                    last = last is null || string.CompareOrdinal(t, last) > 0 ? t : last;
                }
            }

            var cities = cityCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
            insertCluster.Parameters[0].Value = cluster.Id;
            insertCluster.Parameters[1].Value = runId;
            insertCluster.Parameters[2].Value = cluster.Size;
            insertCluster.Parameters[3].Value = entities.Count(e => incidence.EntityTypes[e] == EntityType.Phone);
            insertCluster.Parameters[4].Value = entities.Count(e => incidence.EntityTypes[e] == EntityType.Email);
            insertCluster.Parameters[5].Value = entities.Count;
            insertCluster.Parameters[6].Value = JsonSerializer.Serialize(cities);
            insertCluster.Parameters[7].Value = cities.Count;
            insertCluster.Parameters[8].Value = CaseIngestor.Db(first);
            insertCluster.Parameters[9].Value = CaseIngestor.Db(last);
            insertCluster.ExecuteNonQuery();
            insertComponent.Parameters[0].Value = cluster.Id;
            insertComponent.Parameters[1].Value = cluster.ComponentId ?? cluster.Id;
            insertComponent.ExecuteNonQuery();
            insertCohesion.Parameters[0].Value = cluster.Id;
            insertCohesion.Parameters[1].Value = cluster.Cohesion;
            insertCohesion.ExecuteNonQuery();
        }

        // Memberships in ad row order: appends to the table (keyed by ad row) and in-order foreign-key look-ups into ads.
        var byRow = new int[incidence.AdCount];
        for (var a = 0; a < byRow.Length; a++)
        {
            byRow[a] = a;
        }

        Array.Sort((long[])snapshot.AdRowIds.Clone(), byRow);
        using (var insertMember = Command("INSERT INTO memberships(ad, cluster_id) VALUES ($ad, $c);", tx))
        {
            var pAd = insertMember.Parameters.Add("$ad", Microsoft.Data.Sqlite.SqliteType.Integer);
            var pCluster = insertMember.Parameters.Add("$c", Microsoft.Data.Sqlite.SqliteType.Text);
            foreach (var a in byRow)
            {
                if (clusterOfAd[a] >= 0)
                {
                    pAd.Value = snapshot.AdRowIds[a];
                    pCluster.Value = result.Clusters[clusterOfAd[a]].Id;
                    insertMember.ExecuteNonQuery();
                }
            }
        }

        Execute(Connection, "CREATE INDEX memberships_cluster ON memberships(cluster_id);", tx);
        tx.Commit();
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
        using var cmd = Command("""
            SELECT kind, coalesce(json_extract(parameters, '$.phone_metadata'), 'not recorded') FROM runs
            WHERE kind IN ('ingest', 'analyze') AND json_valid(parameters)
            GROUP BY kind, 2 ORDER BY kind, max(id) DESC;
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
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
        cmd.Parameters.AddWithValue("$limit", limit ?? -1);
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
                   (SELECT count(*) FROM mentions), (SELECT count(*) FROM clusters), (SELECT count(*) FROM ingest_errors WHERE field IS NOT 'images'),
                   (SELECT count(*) FROM ads a WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.ad = a.id));
            """);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new CaseCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
    }
}
