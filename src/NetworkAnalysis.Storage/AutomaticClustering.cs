using System.Text.Json;
using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Storage;

/// <summary>The automatic result beside the decided one: how the engine clusters the case when no analyst decision is honoured.</summary>
/// <remarks>
/// Used to show what decisions changed (<c>netan evaluate</c>). Recomputed in memory from the stored graph, the stored weak
/// links and the options of the run that made the current clusters; nothing is written.
/// </remarks>
public static class AutomaticClustering
{
    /// <summary>The cluster ID of every ad key without decisions, or null when the case has no standing decision or no analysis.</summary>
    public static IReadOnlyDictionary<string, string>? WithoutDecisions(CaseStore store, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.ListDecisions(includeUndone: false).Count == 0 || store.ClusteringRunParameters() is not { } parameters)
        {
            return null;
        }

        ClusteringOptions options;
        using (var doc = JsonDocument.Parse(parameters))
        {
            options = doc.RootElement.TryGetProperty("options", out var stored) && stored.ValueKind == JsonValueKind.String
                ? JsonSerializer.Deserialize<ClusteringOptions>(stored.GetString()!) ?? new ClusteringOptions()
                : new ClusteringOptions();
        }

        var snapshot = store.LoadSnapshot(ct);
        var result = ClusteringEngine.Run(snapshot.Incidence, store.LoadWeakLinks(snapshot), options, ct);
        var byKey = new Dictionary<string, string>(snapshot.Incidence.AdCount, StringComparer.Ordinal);
        for (var a = 0; a < snapshot.Incidence.AdCount; a++)
        {
            byKey[snapshot.Incidence.AdKeys[a]] = result.Clusters[result.AdCluster[a]].Id;
        }

        return byKey;
    }
}
