using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseStore
{
    private static readonly Dictionary<string, TableQuery> Tables = new(StringComparer.Ordinal)
    {
        ["ads"] = new(
            [S("ad_key"), S("site"), S("ad_id"), S("posted_at"), S("city"), S("region"), S("country"), S("title"), S("body"), S("poster"), D("price"), I("age"), S("cluster_id"), S("source_path"), S(DecisionsColumn)],
            "SELECT a.ad_key, a.site, a.ad_id, a.posted_at, a.city, a.region, a.country, a.title, a.body, a.poster, a.price, a.age, m.cluster_id, s.path, NULL FROM ads a JOIN sources s ON s.id = a.source_id LEFT JOIN memberships m ON m.ad = a.id",
            "m.cluster_id = $c", "a.ad_key"),
        ["entities"] = new(
            [S("entity_id"), S("type"), S("value"), I("ads"), B("is_hub"), S(DecisionsColumn)],
            "SELECT e.type || ':' || e.value, e.type, e.value, coalesce(n.ads, 0), CASE WHEN h.entity IS NULL THEN 0 ELSE 1 END, NULL FROM entities e LEFT JOIN (SELECT entity, count(DISTINCT ad) AS ads FROM mentions GROUP BY entity) n ON n.entity = e.id LEFT JOIN hub_entities h ON h.entity = e.id",
            "e.id IN (SELECT mm.entity FROM mentions mm JOIN memberships ms ON ms.ad = mm.ad WHERE ms.cluster_id = $c)", "e.type, e.value"),
        ["mentions"] = new(
            [S("ad_key"), S("entity_id"), S("type"), S("value"), I("start"), I("end"), S("raw"), S("extractor"), D("confidence")],
            "SELECT a.ad_key, e.type || ':' || e.value, e.type, e.value, m.start, m.end, " + MentionRaw.Sql("m", "e") + ", m.extractor, m.confidence FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity",
            "m.ad IN (SELECT ad FROM memberships WHERE cluster_id = $c)", "a.ad_key, m.start, m.id"),
        ["clusters"] = new(
            [S("cluster_id"), I("size"), I("phones"), I("emails"), I("entities"), S("cities"), I("city_count"), S("first_seen"), S("last_seen"), S("component_id")],
            "SELECT c.id, c.size, c.phones, c.emails, c.entities, c.cities, c.city_count, c.first_seen, c.last_seen, cc.component_id FROM clusters c LEFT JOIN cluster_components cc ON cc.cluster_id = c.id",
            "c.id = $c", "c.id"),
        ["scores"] = new(
            [S("cluster_id"), S("indicators_sha256"), D("score"), B("needs_review"), S("contributions")],
            "SELECT s.cluster_id, s.indicators_sha256, s.score, CASE WHEN s.needs_review <> 0 THEN 1 ELSE 0 END, s.contributions FROM scores s",
            "s.cluster_id = $c", "s.cluster_id, s.indicators_sha256"),
        ["weak_links"] = new(
            [S("ad_key_a"), S("ad_key_b"), S("kind"), D("similarity")],
            // The lower ad key first: a pair's row IDs (ad_a < ad_b) depend on the order the store's ingest numbered ads in.
            "SELECT CASE WHEN a.ad_key < b.ad_key THEN a.ad_key ELSE b.ad_key END, CASE WHEN a.ad_key < b.ad_key THEN b.ad_key ELSE a.ad_key END, w.kind, w.similarity FROM weak_links w JOIN ads a ON a.id = w.ad_a JOIN ads b ON b.id = w.ad_b",
            "w.ad_a IN (SELECT ad FROM memberships WHERE cluster_id = $c) AND w.ad_b IN (SELECT ad FROM memberships WHERE cluster_id = $c)",
            "CASE WHEN a.ad_key < b.ad_key THEN a.ad_key ELSE b.ad_key END, CASE WHEN a.ad_key < b.ad_key THEN b.ad_key ELSE a.ad_key END, w.kind"),
    };

    /// <summary>
    /// The last column of the <c>ads</c> and <c>entities</c> tables: the standing analyst decisions naming the ad or the
    /// identifier, one line each (see <see cref="DecisionEffects"/>), or null.
    /// </summary>
    public const string DecisionsColumn = "decisions";

    /// <summary>The tables <see cref="ReadTable"/> serves: ads, entities, mentions, clusters, scores, weak_links.</summary>
    public static IReadOnlyList<string> TableNames { get; } = ["ads", "entities", "mentions", "clusters", "scores", "weak_links"];

    /// <summary>The columns of table <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="TableNames"/>.</exception>
    public static IReadOnlyList<CaseColumn> TableColumns(string table) => Query(table).Columns;

    /// <summary>Reads one table of the case for analysts and exports, in a stable order, in batches of at most <paramref name="batchRows"/> rows.</summary>
    /// <param name="table">One of <see cref="TableNames"/>.</param>
    /// <param name="clusterId">Only the rows of this cluster (its ads, their mentions and entities, its scores), or null for the whole case.</param>
    /// <param name="batchRows">Rows per batch.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The batches; a table with no rows yields one empty batch, so its columns are still known.</returns>
    public IEnumerable<CaseTableBatch> ReadTable(string table, string? clusterId = null, int batchRows = 100_000, CancellationToken ct = default)
    {
        var q = Query(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchRows, 1);
        using var cmd = Command(q.Select + (clusterId is null ? "" : " WHERE " + q.ClusterFilter) + " ORDER BY " + q.OrderBy + ";");
        if (clusterId is not null)
        {
            cmd.Parameters.AddWithValue("$c", clusterId);
        }

        var decisions = q.Columns[^1].Name == DecisionsColumn ? ReadDecisionEffects() : null;
        var isAds = table == "ads";
        using var r = cmd.ExecuteReader();
        var yielded = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var values = q.Columns.Select(c => NewArray(c.Type, batchRows)).ToArray();
            var rows = 0;
            while (rows < batchRows && r.Read())
            {
                for (var i = 0; i < q.Columns.Count; i++)
                {
                    Set(values[i], rows, r, i, q.Columns[i].Type);
                }

                if (decisions is { IsEmpty: false })
                {
                    var key = r.GetString(0);
                    ((string?[])values[^1])[rows] = isAds ? decisions.AdField(key) : decisions.ForIdentifier(key);
                }

                rows++;
            }

            if (rows == 0 && yielded)
            {
                yield break;
            }

            yield return new CaseTableBatch(table, q.Columns, rows == batchRows ? values : values.Select(v => Trim(v, rows)).ToArray(), rows);
            yielded = true;
            if (rows < batchRows)
            {
                yield break;
            }
        }
    }

    private static TableQuery Query(string table) => Tables.TryGetValue(table, out var q) ? q
        : throw new ArgumentException($"no table '{table}'; tables: {string.Join(", ", TableNames)}", nameof(table));

    private static Array NewArray(CaseColumnType type, int n) => type switch
    {
        CaseColumnType.Int64 => new long?[n],
        CaseColumnType.Double => new double?[n],
        CaseColumnType.Boolean => new bool?[n],
        _ => new string?[n],
    };

    private static void Set(Array values, int row, System.Data.Common.DbDataReader r, int i, CaseColumnType type)
    {
        if (r.IsDBNull(i))
        {
            return;
        }

        switch (type)
        {
            case CaseColumnType.Int64:
                ((long?[])values)[row] = r.GetInt64(i);
                break;
            case CaseColumnType.Double:
                ((double?[])values)[row] = r.GetDouble(i);
                break;
            case CaseColumnType.Boolean:
                ((bool?[])values)[row] = r.GetInt64(i) != 0;
                break;
            default:
                ((string?[])values)[row] = r.GetString(i);
                break;
        }
    }

    private static Array Trim(Array values, int rows)
    {
        var trimmed = Array.CreateInstance(values.GetType().GetElementType()!, rows);
        Array.Copy(values, trimmed, rows);
        return trimmed;
    }

    private static CaseColumn S(string name) => new(name, CaseColumnType.String);

    private static CaseColumn I(string name) => new(name, CaseColumnType.Int64);

    private static CaseColumn D(string name) => new(name, CaseColumnType.Double);

    private static CaseColumn B(string name) => new(name, CaseColumnType.Boolean);

    private sealed record TableQuery(IReadOnlyList<CaseColumn> Columns, string Select, string ClusterFilter, string OrderBy);
}
