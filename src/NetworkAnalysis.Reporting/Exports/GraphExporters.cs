namespace NetworkAnalysis.Reporting.Exports;

/// <summary>The available exporters, by format name.</summary>
public static class GraphExporters
{
    /// <summary>Format names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["graphml", "gexf", "cytoscape", "neo4j", "ftm", "csv"];

    /// <summary>The exporter for <paramref name="format"/> (case-insensitive), or null when the format is unknown.</summary>
    public static IGraphExporter? Create(string format, bool showIdentifiers = true) => format.ToLowerInvariant() switch
    {
        "graphml" => new GraphMlExporter(),
        "gexf" => new GexfExporter(),
        "cytoscape" or "cyjs" => new CytoscapeJsonExporter(),
        "neo4j" => new Neo4jBulkExporter(),
        "ftm" or "followthemoney" => new FollowTheMoneyExporter(),
        "csv" => new AdCsvExporter { ShowIdentifiers = showIdentifiers },
        _ => null,
    };
}
