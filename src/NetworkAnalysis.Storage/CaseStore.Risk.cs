using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>The run ID of the current clustering, or null when the case has no clusters.</summary>
    public long? CurrentClusteringRun()
    {
        using var cmd = Command("SELECT max(run_id) FROM clusters;");
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>Whether every current cluster has a score from the indicator file with hash <paramref name="sha256"/>.</summary>
    public bool HasCurrentScores(string sha256)
    {
        using var cmd = Command("""
            SELECT count(*) FROM clusters c
            WHERE NOT EXISTS (SELECT 1 FROM scores s WHERE s.cluster_id = c.id AND s.indicators_sha256 = $h AND s.clusters_run_id = c.run_id);
            """);
        cmd.Parameters.AddWithValue("$h", sha256);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0 && CurrentClusteringRun() is not null;
    }

    /// <summary>Loads every clustered ad with its mentions and attributes, grouped by cluster, and the case's stored phone
    /// details, for the risk scorer.</summary>
    public RiskInput LoadRiskInput(CancellationToken ct = default) => new(LoadRiskClusters(null, ct)) { PhoneDetails = PhoneDetails() };

    /// <summary>Loads one cluster's ads with their mentions and attributes, or null when the cluster does not exist.</summary>
    public RiskCluster? LoadRiskCluster(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        return LoadRiskClusters(clusterId, CancellationToken.None).SingleOrDefault();
    }

    /// <summary>Stores scores (replacing earlier scores from the same indicator file) and the indicator file itself.</summary>
    public void SaveScores(long runId, long clustersRunId, RiskScoringResult result, byte[]? indicatorFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var tx = Db.BeginTransaction();
        if (indicatorFile is not null)
        {
            using var set = Command("INSERT OR IGNORE INTO indicator_sets(sha256, content, first_used_at) VALUES ($h, $c, $t);", tx);
            set.Parameters.AddWithValue("$h", result.IndicatorSetSha256);
            set.Parameters.AddWithValue("$c", indicatorFile);
            set.Parameters.AddWithValue("$t", Now());
            set.ExecuteNonQuery();
        }

        using (var delete = Command("DELETE FROM scores WHERE indicators_sha256 = $h;", tx))
        {
            delete.Parameters.AddWithValue("$h", result.IndicatorSetSha256);
            delete.ExecuteNonQuery();
        }

        using var insert = Command("""
            INSERT INTO scores(cluster_id, indicators_sha256, run_id, clusters_run_id, score, needs_review, contributions)
            VALUES ($c, $h, $r, $cr, $s, $n, $j);
            """, tx);
        CaseIngestor.Bind(insert, "$c", "$h", "$r", "$cr", "$s", "$n", "$j");
        foreach (var a in result.Assessments)
        {
            insert.Parameters[0].Value = a.ClusterId;
            insert.Parameters[1].Value = result.IndicatorSetSha256;
            insert.Parameters[2].Value = runId;
            insert.Parameters[3].Value = clustersRunId;
            insert.Parameters[4].Value = a.Score;
            insert.Parameters[5].Value = a.NeedsReview ? 1 : 0;
            insert.Parameters[6].Value = JsonSerializer.Serialize(a.Contributions, RiskJson.Options);
            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Lists clusters by stored risk score (highest first; unscored last, then by size and ID).</summary>
    public IReadOnlyList<ClusterRiskSummary> ListClustersByRisk(string sha256, int minSize = 1, int? limit = null)
    {
        using var cmd = Command("""
            SELECT c.id, c.size, c.phones, c.emails, c.entities, c.cities, c.first_seen, c.last_seen, s.score, s.needs_review
            FROM clusters c LEFT JOIN scores s ON s.cluster_id = c.id AND s.indicators_sha256 = $h
            WHERE c.size >= $min ORDER BY s.score IS NULL, s.score DESC, c.size DESC, c.id LIMIT $limit;
            """);
        cmd.Parameters.AddWithValue("$h", sha256);
        cmd.Parameters.AddWithValue("$min", minSize);
        cmd.Parameters.AddWithValue("$limit", limit ?? Dialect.NoLimit);
        using var r = cmd.ExecuteReader();
        var list = new List<ClusterRiskSummary>();
        while (r.Read())
        {
            var summary = new ClusterSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4),
                JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));
            list.Add(new ClusterRiskSummary(summary, r.IsDBNull(8) ? null : r.GetDouble(8), !r.IsDBNull(9) && r.GetInt64(9) != 0));
        }

        return list;
    }

    /// <summary>Stored scores by cluster ID for the indicator file with hash <paramref name="sha256"/>.</summary>
    public IReadOnlyDictionary<string, double> ClusterScores(string sha256)
    {
        using var cmd = Command("SELECT cluster_id, score FROM scores WHERE indicators_sha256 = $h;");
        cmd.Parameters.AddWithValue("$h", sha256);
        using var r = cmd.ExecuteReader();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        while (r.Read())
        {
            scores[r.GetString(0)] = r.GetDouble(1);
        }

        return scores;
    }

    /// <summary>The stored assessment of a cluster for an indicator file, or null.</summary>
    public RiskAssessment? LoadAssessment(string clusterId, string sha256)
    {
        using var cmd = Command("""
            SELECT s.score, s.contributions, c.size FROM scores s JOIN clusters c ON c.id = s.cluster_id
            WHERE s.cluster_id = $c AND s.indicators_sha256 = $h;
            """);
        cmd.Parameters.AddWithValue("$c", clusterId);
        cmd.Parameters.AddWithValue("$h", sha256);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var contributions = JsonSerializer.Deserialize<List<IndicatorContribution>>(r.GetString(1), RiskJson.Options) ?? [];
        return new RiskAssessment(clusterId, r.GetInt32(2), r.GetDouble(0), contributions);
    }

    private List<RiskCluster> LoadRiskClusters(string? onlyCluster, CancellationToken ct)
    {
        var filter = onlyCluster is null ? "" : " WHERE m.cluster_id = $c";
        var ads = new Dictionary<long, (string Cluster, RiskAd Ad, List<RiskEntityMention> Entities, List<AttributeMention> Attributes)>();
        using (var cmd = Command($"""
            SELECT a.id, m.cluster_id, a.ad_key, a.posted_at, a.city, a.region, a.text, a.price, a.age
            FROM ads a JOIN memberships m ON m.ad = a.id{filter} ORDER BY a.id;
            """))
        {
            if (onlyCluster is not null)
            {
                cmd.Parameters.AddWithValue("$c", onlyCluster);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var entities = new List<RiskEntityMention>();
                var attributes = new List<AttributeMention>();
                var ad = new RiskAd
                {
                    Key = r.GetString(2),
                    PostedAt = r.IsDBNull(3) ? null : ParseTime(r.GetString(3)),
                    City = r.IsDBNull(4) ? null : r.GetString(4),
                    Region = r.IsDBNull(5) ? null : r.GetString(5),
                    Text = r.GetString(6),
                    Price = r.IsDBNull(7) ? null : (decimal)r.GetDouble(7),
                    Age = r.IsDBNull(8) ? null : r.GetInt32(8),
                    Entities = entities,
                    Attributes = attributes,
                };
                ads[r.GetInt64(0)] = (r.GetString(1), ad, entities, attributes);
            }
        }

        ct.ThrowIfCancellationRequested();
        var join = onlyCluster is null ? "" : " JOIN memberships m ON m.ad = x.ad WHERE m.cluster_id = $c";
        // Hub verdicts of the current clustering (hub_entities): indicators ignore hub identifiers as evidence.
        using (var cmd = Command($"""
            SELECT x.ad, e.type, e.value, x.start, x.end, {MentionRaw.Sql("x", "e")}, CASE WHEN h.entity IS NULL THEN 0 ELSE 1 END
            FROM mentions x JOIN entities e ON e.id = x.entity LEFT JOIN hub_entities h ON h.entity = x.entity{join} ORDER BY x.ad, x.id;
            """))
        {
            if (onlyCluster is not null)
            {
                cmd.Parameters.AddWithValue("$c", onlyCluster);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (ads.TryGetValue(r.GetInt64(0), out var a) && EntityTypeNames.TryParse(r.GetString(1), out var type))
                {
                    var start = r.IsDBNull(3) ? 0 : r.GetInt32(3);
                    var end = r.IsDBNull(4) ? 0 : r.GetInt32(4);
                    a.Entities.Add(new RiskEntityMention(type, r.GetString(2), start, end) { Raw = r.GetString(5), IsHub = r.GetInt64(6) != 0 });
                }
            }
        }

        ct.ThrowIfCancellationRequested();
        using (var cmd = Command($"SELECT x.ad, x.kind, x.value, x.start, x.end, x.raw FROM ad_attributes x{join} ORDER BY x.ad, x.id;"))
        {
            if (onlyCluster is not null)
            {
                cmd.Parameters.AddWithValue("$c", onlyCluster);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (ads.TryGetValue(r.GetInt64(0), out var a) && Enum.TryParse<AttributeKind>(r.GetString(1), ignoreCase: true, out var kind))
                {
                    a.Attributes.Add(new AttributeMention(kind, r.GetString(2), r.GetString(5), r.GetInt32(3), r.GetInt32(4)));
                }
            }
        }

        return ads.Values
            .GroupBy(a => a.Cluster, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RiskCluster(g.Key, g.Select(a => a.Ad).ToList()))
            .ToList();
    }

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
