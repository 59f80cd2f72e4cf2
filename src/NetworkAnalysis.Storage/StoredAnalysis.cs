using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Storage;

/// <summary>What the analysis that made the current clusters decided, as stored: its parameters and its hub verdicts.</summary>
/// <remarks>
/// The one source every host reads (<c>hubs</c>, <c>lookup</c>, <c>explain</c>, reports, charts, exports, the workbench), so
/// "hub" means the same everywhere and nothing is judged again with other thresholds. The clusters themselves are the
/// <c>clusters</c> and <c>memberships</c> tables; their cohesion is <see cref="CaseStore.ClusterCohesion"/>.
/// </remarks>
public sealed class StoredAnalysis
{
    /// <summary>Creates the record of a stored analysis.</summary>
    public StoredAnalysis(long runId, string version, string startedAt, string parametersJson, ClusteringOptions options, IReadOnlyList<StoredHub> hubs)
    {
        ArgumentNullException.ThrowIfNull(hubs);
        RunId = runId;
        Version = version;
        StartedAt = startedAt;
        ParametersJson = parametersJson;
        Options = options;
        Hubs = hubs;
        HubEntityIds = hubs.Select(h => h.EntityId).ToHashSet();
        HubLabels = hubs.Select(h => h.Label).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The analyze run's ID.</summary>
    public long RunId { get; }

    /// <summary>The tool version that ran it.</summary>
    public string Version { get; }

    /// <summary>When it started (ISO 8601, UTC).</summary>
    public string StartedAt { get; }

    /// <summary>The run's parameters as recorded (JSON object).</summary>
    public string ParametersJson { get; }

    /// <summary>The clustering options it used (hub thresholds, Leiden resolution and seed, weights).</summary>
    public ClusteringOptions Options { get; }

    /// <summary>Its hub verdicts, most ads first.</summary>
    public IReadOnlyList<StoredHub> Hubs { get; }

    /// <summary>Row IDs of the hub entities.</summary>
    public IReadOnlySet<long> HubEntityIds { get; }

    /// <summary>The hub entities as <c>type:value</c>.</summary>
    public IReadOnlySet<string> HubLabels { get; }

    /// <summary>Whether entity row <paramref name="entityId"/> was judged a hub.</summary>
    public bool IsHub(long entityId) => HubEntityIds.Contains(entityId);

    /// <summary>A one-line explanation of a hub verdict under the thresholds this analysis used.</summary>
    public string Explain(StoredHub hub) => (hub ?? throw new ArgumentNullException(nameof(hub))).Explain(Options.Hubs);
}
