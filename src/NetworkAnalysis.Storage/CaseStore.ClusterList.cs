using System.Globalization;
using System.Text.Json;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    /// <summary>Lists clusters for the workbench: sorted, filtered and paged.</summary>
    public ClusterListPage ListClusters(ClusterListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsureAnnotationsTable();
        var risk = CurrentScoresSha();
        var riskExpr = risk is null ? "NULL" : "(SELECT s.score FROM scores s WHERE s.cluster_id = c.id AND s.indicators_sha256 = $sha)";
        const string StatusExpr = "(SELECT an.value FROM annotations an WHERE an.cluster_id = c.id AND an.kind = 'status' ORDER BY an.id DESC LIMIT 1)";
        var where = "c.size >= $min"
            + (string.IsNullOrWhiteSpace(query.City) ? "" : " AND instr(lower(c.cities), $city) > 0")
            + (query.Status switch
            {
                null => "",
                ClusterStatus.New => $" AND coalesce({StatusExpr}, 'new') = 'new'",
                _ => $" AND {StatusExpr} = $status",
            });
        var order = query.Sort switch
        {
            ClusterSort.Size => "c.size DESC, c.id",
            ClusterSort.Recency => "c.last_seen IS NULL, c.last_seen DESC, c.size DESC, c.id",
            ClusterSort.City => $"{Dialect.JsonArrayText("c.cities", 0)} IS NULL, {Dialect.JsonArrayText("c.cities", 0)}, c.size DESC, c.id",
            ClusterSort.Risk => risk is null ? "c.size DESC, c.id" : "risk DESC NULLS LAST, c.size DESC, c.id",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "unknown sort"),
        };

        using var cmd = Command($"""
            SELECT c.id, c.size, c.phones, c.emails, c.entities, c.cities, c.first_seen, c.last_seen, {riskExpr} AS risk, {StatusExpr} AS status
            FROM clusters c WHERE {where} ORDER BY {order} LIMIT $limit OFFSET $offset;
            """);
        Bind(cmd, query);
        cmd.Parameters.AddWithValue("$sha", risk ?? "");
        var items = new List<ClusterListItem>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var summary = new ClusterSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4),
                    JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.IsDBNull(6) ? null : r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetString(7));
                var status = !r.IsDBNull(9) && TryParseStatus(r.GetString(9), out var s) ? s : ClusterStatus.New;
                items.Add(new ClusterListItem(summary, r.IsDBNull(8) ? null : r.GetDouble(8), status));
            }
        }

        using var count = Command($"SELECT count(*) FROM clusters c WHERE {where};");
        Bind(count, query);
        var total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new ClusterListPage(items, total, risk is not null);
    }

    /// <summary>One cluster's list row, or null when no cluster has that ID.</summary>
    public ClusterListItem? GetCluster(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        EnsureAnnotationsTable();
        var risk = CurrentScoresSha();
        var riskExpr = risk is null ? "NULL" : "(SELECT s.score FROM scores s WHERE s.cluster_id = c.id AND s.indicators_sha256 = $sha)";
        using var cmd = Command($"""
            SELECT c.id, c.size, c.phones, c.emails, c.entities, c.cities, c.first_seen, c.last_seen, {riskExpr} AS risk
            FROM clusters c WHERE c.id = $id;
            """);
        cmd.Parameters.AddWithValue("$id", clusterId);
        cmd.Parameters.AddWithValue("$sha", risk ?? "");
        ClusterSummary summary;
        double? score;
        using (var r = cmd.ExecuteReader())
        {
            if (!r.Read())
            {
                return null;
            }

            summary = new ClusterSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4),
                JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));
            score = r.IsDBNull(8) ? null : r.GetDouble(8);
        }

        // After the reader is closed: PostgreSQL runs one command at a time on a connection.
        return new ClusterListItem(summary, score, GetClusterAnnotations(clusterId).Status);
    }

    private static void Bind(System.Data.Common.DbCommand cmd, ClusterListQuery query)
    {
        cmd.Parameters.AddWithValue("$min", query.MinSize);
        cmd.Parameters.AddWithValue("$city", (query.City ?? "").Trim().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$status", (query.Status ?? ClusterStatus.New).ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 1000));
        cmd.Parameters.AddWithValue("$offset", Math.Max(0, query.Offset));
    }

    /// <summary>The indicator-file hash of the newest scores computed for the current clustering, if any.</summary>
    /// <remarks>Scores of an older clustering are stale and never shown (the risk stage recomputes them on demand).</remarks>
    private string? CurrentScoresSha()
    {
        if (CurrentClusteringRun() is not { } run)
        {
            return null;
        }

        using var cmd = Command("SELECT indicators_sha256 FROM scores WHERE clusters_run_id = $r ORDER BY run_id DESC LIMIT 1;");
        cmd.Parameters.AddWithValue("$r", run);
        return cmd.ExecuteScalar() as string;
    }
}
