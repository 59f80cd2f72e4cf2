using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>Fills a <see cref="ClusterReportModel"/> from the case: the one way both hosts (CLI report, workbench export) build a referral.</summary>
public static class ClusterReports
{
    /// <summary>Loads cluster <paramref name="clusterId"/> with its graph (hubs as the analysis stored them), risk, sources and run parameters.</summary>
    /// <param name="store">The open case.</param>
    /// <param name="clusterId">The cluster (must exist).</param>
    /// <param name="caseName">The case file's name, recorded with the parameters.</param>
    /// <param name="loadImages">Read the ads' local photos into the model.</param>
    /// <param name="redact">Mask identifiers in the risk evidence.</param>
    /// <param name="analyst">Who produces the report.</param>
    /// <param name="notes">The analyst's notes.</param>
    /// <param name="generatedAt">When the report is produced.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusterReportModel Load(CaseStore store, string clusterId, string caseName, bool loadImages, bool redact, string? analyst, string? notes,
        DateTimeOffset generatedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reader = new CaseReportReader(store);
        var (riskScore, riskItems) = CaseRisk.Load(store, clusterId, redact: redact, ct: ct);
        var parameters = reader.LatestRunParameters();
        parameters["case"] = caseName;
        return new ClusterReportModel
        {
            ClusterId = clusterId,
            Graph = reader.LoadGraph(clusterId, loadImages, ct),
            Sources = reader.Sources(),
            RiskScore = riskScore,
            RiskIndicators = riskItems,
            Parameters = parameters,
            ToolVersion = CaseStore.ToolVersion,
            GeneratedAt = generatedAt,
            Analyst = analyst,
            Notes = notes,
            // What holds the cluster together (articulation points, bridges), from the cluster's own graph.
            History = store.AdHistory(clusterId),
            Decisions = store.DecisionsForCluster(clusterId),
            SignOff = store.SignOffState(clusterId),
            Structure = store.LoadClusterGraph(clusterId, ct: ct) is { } clusterGraph ? Core.Graphs.Structure.ClusterGraphAnalysis.Structure(clusterGraph) : null,
        };
    }
}
