using System.Text.Json;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Clustering.Leiden;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The analysis that made the current clusters (parameters and hub verdicts), or null when the case has no clusters.</summary>
    public StoredAnalysis? LoadAnalysis()
    {
        long runId;
        string version, startedAt, parameters;
        using (var cmd = Command("SELECT id, version, started_at, parameters FROM runs WHERE id = (SELECT max(run_id) FROM clusters);"))
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            (runId, version, startedAt, parameters) = (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3));
        }

        var hubs = new List<StoredHub>();
        using (var cmd = Command("""
            SELECT h.entity, e.type, e.value, h.reason, h.ads, h.groups_joined FROM hub_entities h JOIN entities e ON e.id = h.entity
            ORDER BY h.ads DESC, h.entity;
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (EntityTypeNames.TryParse(r.GetString(1), out var type))
                {
                    hubs.Add(new StoredHub(r.GetInt64(0), type, r.GetString(2),
                        StoredHub.ParseReason(r.GetString(3)), r.GetInt32(4), r.GetInt32(5)));
                }
            }
        }

        return new StoredAnalysis(runId, version, startedAt, parameters, OptionsOf(parameters), hubs);
    }

    /// <summary>Cohesion of every current cluster, by cluster ID (empty for a case analysed before cohesion was stored).</summary>
    public IReadOnlyDictionary<string, double> ClusterCohesion()
    {
        using var cmd = Command("SELECT cluster_id, cohesion FROM cluster_cohesion;");
        using var r = cmd.ExecuteReader();
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        while (r.Read())
        {
            map[r.GetString(0)] = r.GetDouble(1);
        }

        return map;
    }

    /// <summary>
    /// The stored analysis laid over <paramref name="snapshot"/> for explaining evidence paths: stored clusters, stored hub
    /// verdicts and group counts (hence the same link weights), stored weak links. Ads ingested since the analysis are each
    /// their own unanalysed cluster.
    /// </summary>
    public AnalysisEvidence LoadEvidence(CaseSnapshot snapshot, StoredAnalysis analysis, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(analysis);
        var entityIndex = new Dictionary<long, int>(snapshot.EntityRowIds.Length);
        for (var e = 0; e < snapshot.EntityRowIds.Length; e++)
        {
            entityIndex[snapshot.EntityRowIds[e]] = e;
        }

        var groups = new int[snapshot.EntityRowIds.Length];
        using (var cmd = Command("SELECT entity, groups_joined FROM entity_groups;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (entityIndex.TryGetValue(r.GetInt64(0), out var e))
                {
                    groups[e] = r.GetInt32(1);
                }
            }
        }

        var verdicts = new List<HubVerdict>();
        foreach (var hub in analysis.Hubs)
        {
            if (entityIndex.TryGetValue(hub.EntityId, out var e))
            {
                groups[e] = hub.GroupsJoined;
                verdicts.Add(hub.ToVerdict(e));
            }
        }

        var graph = BipartiteGraph.Build(snapshot.Incidence, ct);
        var report = HubReport.FromVerdicts(analysis.Options.Hubs, graph.EntityCount, verdicts, groups);
        var weights = EntityWeights.Compute(graph, report, analysis.Options.StrongWeight);
        var adIndex = new Dictionary<long, int>(snapshot.AdRowIds.Length);
        for (var a = 0; a < snapshot.AdRowIds.Length; a++)
        {
            adIndex[snapshot.AdRowIds[a]] = a;
        }

        var members = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        var clustered = new bool[snapshot.AdRowIds.Length];
        using (var cmd = Command("SELECT ad, cluster_id FROM memberships ORDER BY ad;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (adIndex.TryGetValue(r.GetInt64(0), out var a))
                {
                    var id = r.GetString(1);
                    (members.TryGetValue(id, out var list) ? list : members[id] = []).Add(a);
                    clustered[a] = true;
                }
            }
        }

        var clusters = new List<Cluster>(members.Count);
        var adCluster = new int[snapshot.AdRowIds.Length];
        foreach (var (id, ads) in members)
        {
            ads.Sort();
            foreach (var a in ads)
            {
                adCluster[a] = clusters.Count;
            }

            clusters.Add(new Cluster(id, ads));
        }

        for (var a = 0; a < clustered.Length; a++)
        {
            if (!clustered[a])
            {
                adCluster[a] = clusters.Count;
                clusters.Add(new Cluster("(not analysed)", [a]));
            }
        }

        var result = new ClusteringResult(clusters, adCluster) { Hubs = report, Weights = weights, Graph = graph };
        return new AnalysisEvidence(snapshot, analysis, result, LoadWeakLinks(snapshot));
    }

    /// <summary>The clustering options recorded in an analyze run's parameters (older runs recorded only the main settings).</summary>
    internal static ClusteringOptions OptionsOf(string parametersJson)
    {
        var options = new ClusteringOptions();
        try
        {
            using var doc = JsonDocument.Parse(parametersJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return options;
            }

            if (root.TryGetProperty("options", out var stored) && stored.ValueKind == JsonValueKind.String
                && JsonSerializer.Deserialize<ClusteringOptions>(stored.GetString()!) is { } full)
            {
                return full;
            }

            var hubs = options.Hubs;
            var leiden = options.Leiden;
            if (root.TryGetProperty("max_groups", out var g) && g.TryGetInt32(out var groups))
            {
                hubs = hubs with { MaxGroups = groups };
            }

            if (root.TryGetProperty("max_ads", out var a) && a.TryGetInt32(out var ads))
            {
                hubs = hubs with { MaxAdDegree = ads };
            }

            if (root.TryGetProperty("resolution", out var res) && res.TryGetDouble(out var resolution))
            {
                leiden = leiden with { Resolution = resolution };
            }

            if (root.TryGetProperty("seed", out var s) && s.TryGetInt32(out var seed))
            {
                leiden = leiden with { Seed = seed };
            }

            if (root.TryGetProperty("quality", out var q) && q.ValueKind == JsonValueKind.String && Enum.TryParse<LeidenQuality>(q.GetString(), out var quality))
            {
                leiden = leiden with { Quality = quality };
            }

            return options with { Hubs = hubs, Leiden = leiden };
        }
        catch (JsonException)
        {
            return options;
        }
    }
}
