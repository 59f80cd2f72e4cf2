using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>Pushes a <see cref="CaseGraph"/> into Neo4j in batches of idempotent MERGEs: pushing twice changes nothing.</summary>
public sealed class Neo4jGraphPusher
{
    private readonly Neo4jQueryClient _client;
    private readonly int _batchSize;

    /// <summary>Creates a pusher that sends at most <paramref name="batchSize"/> rows per request.</summary>
    public Neo4jGraphPusher(Neo4jQueryClient client, int batchSize = 500)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
    }

    /// <summary>Creates the schema, then merges ads, entities, clusters and all relationships.</summary>
    public async Task<Neo4jPushResult> PushAsync(CaseGraph graph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var adKeys = graph.Ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var entityIds = graph.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var plan = new List<(Neo4jStatement Statement, List<Dictionary<string, object?>>? Rows)>();
        plan.AddRange(Neo4jStatements.Schema.Select(s => (s, (List<Dictionary<string, object?>>?)null)));
        plan.Add((Neo4jStatements.MergeAds, graph.Ads.Select(a => Row(
            ("key", a.Key), ("postedAt", a.PostedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")),
            ("city", a.City), ("cluster", a.ClusterId), ("text", a.Text),
            ("decisions", a.Decisions.Count == 0 ? null : string.Join("\n", a.Decisions)))).ToList()));
        plan.Add((Neo4jStatements.MergeEntities, graph.Entities.Select(e => Row(("id", e.Id), ("type", e.Type), ("value", e.Value), ("hub", e.IsHub), ("decisions", e.Decision),
            ("phoneRegion", e.Phone?.Region), ("phoneLocation", e.Phone?.Location), ("phoneType", e.Phone?.Type))).ToList()));
        plan.Add((Neo4jStatements.MergeClusters, graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal)
            .Select(g => Row(("id", g.Key), ("size", g.Count()))).ToList()));
        plan.Add((Neo4jStatements.MergeMentions, graph.Links
            .Where(l => l.Kind == ReportLinkKind.Mentions && adKeys.Contains(l.Source) && entityIds.Contains(l.Target))
            .Select(l => Row(("ad", l.Source), ("entity", l.Target))).ToList()));
        plan.Add((Neo4jStatements.MergeSimilarImages, Similar(graph, ReportLinkKind.SimilarImage, adKeys)));
        plan.Add((Neo4jStatements.MergeSimilarTexts, Similar(graph, ReportLinkKind.SimilarText, adKeys)));
        plan.Add((Neo4jStatements.MergeMemberships, graph.Ads.Where(a => a.ClusterId is not null)
            .Select(a => Row(("ad", a.Key), ("cluster", a.ClusterId))).ToList()));

        int batches = 0, rows = 0, retries = 0;
        var requests = plan.Select(p => (p.Statement, Chunks: p.Rows is null
            ? [null]
            : p.Rows.Chunk(_batchSize).Select(c => c.ToList()).ToList<List<Dictionary<string, object?>>?>())).ToList();
        var planned = requests.Sum(r => r.Chunks.Count);
        foreach (var (statement, chunks) in requests)
        {
            foreach (var chunk in chunks)
            {
                var parameters = chunk is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["rows"] = chunk };
                var result = await _client.RunAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
                retries += result.Attempts - 1;
                if (!result.Success)
                {
                    return new Neo4jPushResult(false, batches, rows, retries, $"{statement.Name}: {result.Error}") { PlannedBatches = planned };
                }

                batches++;
                rows += chunk?.Count ?? 0;
            }
        }

        return new Neo4jPushResult(true, batches, rows, retries, null) { PlannedBatches = planned };
    }

    private static List<Dictionary<string, object?>> Similar(CaseGraph graph, ReportLinkKind kind, HashSet<string> adKeys) =>
        graph.Links.Where(l => l.Kind == kind && adKeys.Contains(l.Source) && adKeys.Contains(l.Target))
            .Select(l => Row(("a", l.Source), ("b", l.Target), ("similarity", l.Weight))).ToList();

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length, StringComparer.Ordinal);
        foreach (var (key, value) in cells)
        {
            row[key] = value is string s ? Text.Utf16.Scrub(s) : value;
        }

        return row;
    }
}
