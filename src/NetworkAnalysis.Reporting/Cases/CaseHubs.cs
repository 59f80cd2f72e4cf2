using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Cases;

/// <summary>Hub verdicts for reports: the same <see cref="HubDetector"/> run as <c>netan hubs</c>, with default options.</summary>
public static class CaseHubs
{
    /// <summary>IDs (<c>type:value</c>, as <see cref="CaseReportReader"/> names entities) of the case's hubs.</summary>
    public static IReadOnlySet<string> Detect(string casePath, CancellationToken ct)
    {
        using var store = CaseStore.Open(casePath);
        var snapshot = store.LoadSnapshot(ct);
        var report = HubDetector.Detect(BipartiteGraph.Build(snapshot.Incidence, ct), new HubOptions(), ct);
        return report.Hubs.Select(h => h.Type.ToName() + ":" + h.Value).ToHashSet(StringComparer.Ordinal);
    }
}
