namespace NetworkAnalysis.Core.Clustering;

/// <summary>
/// The stored clustering an incremental run starts from, by the dense ad indexes of the new incidence: each ad's previous
/// cluster as an index into a table of cluster IDs, with each cluster's component.
/// </summary>
/// <remarks>
/// Issue #21: at 1,000,000 ads, dictionaries keyed by ad-key strings (built, copied and probed once per ad in several
/// stages) cost more than the clustering they fed; arrays indexed by dense ad cost a fraction. Same information as the
/// ad key → (component, cluster) map it replaces, so every result computed from it is the same.
/// </remarks>
public sealed class PreviousClustering
{
    private readonly Dictionary<string, int> _componentSize;

    /// <summary>The stored cohesion of each cluster of <see cref="ClusterIds"/> (NaN when not stored), or null.</summary>
    /// <remarks>
    /// When given, a component taken over unchanged by <c>ClusteringEngine.Update</c> keeps its clusters' stored cohesion instead
    /// of computing it again, and those clusters carry no bridges (a case stores none). The stored value is the one the
    /// engine computed for the same ads, identifiers and weak links, which a reused component has by definition, so it is the
    /// same double (issue #21; <c>CaseIncrementalAnalysisTests</c> checks it against a full run).
    /// </remarks>
    public IReadOnlyList<double>? Cohesion { get; init; }

    /// <summary>Creates the previous clustering from its arrays.</summary>
    /// <param name="clusterOfAd">Index into <paramref name="clusterIds"/> of each dense ad's previous cluster; -1 for none.</param>
    /// <param name="clusterIds">The previous cluster IDs.</param>
    /// <param name="componentIds">The component of each cluster of <paramref name="clusterIds"/>; null when not recorded.</param>
    /// <param name="componentSize">The number of previously clustered ads of each component; null counts them from <paramref name="clusterOfAd"/>.</param>
    public PreviousClustering(int[] clusterOfAd, IReadOnlyList<string> clusterIds, IReadOnlyList<string?> componentIds, IReadOnlyDictionary<string, int>? componentSize = null)
    {
        ArgumentNullException.ThrowIfNull(clusterOfAd);
        ArgumentNullException.ThrowIfNull(clusterIds);
        ArgumentNullException.ThrowIfNull(componentIds);
        if (componentIds.Count != clusterIds.Count)
        {
            throw new ArgumentException("one component per cluster", nameof(componentIds));
        }

        ClusterOfAd = clusterOfAd;
        ClusterIds = clusterIds;
        ComponentIds = componentIds;
        var assigned = 0;
        var complete = true;
        _componentSize = componentSize is null ? new Dictionary<string, int>(StringComparer.Ordinal) : new Dictionary<string, int>(componentSize, StringComparer.Ordinal);
        // Ads counted per cluster index, then clusters per component (#21: one string look-up per cluster, not two per ad).
        var adsOfCluster = new int[clusterIds.Count];
        foreach (var c in clusterOfAd)
        {
            if (c >= 0)
            {
                assigned++;
                adsOfCluster[c]++;
            }
        }

        for (var c = 0; c < adsOfCluster.Length; c++)
        {
            if (adsOfCluster[c] == 0)
            {
                continue;
            }

            if (componentIds[c] is { } component)
            {
                if (componentSize is null)
                {
                    _componentSize[component] = _componentSize.GetValueOrDefault(component) + adsOfCluster[c];
                }
            }
            else
            {
                complete = false;
            }
        }

        AssignedCount = assigned;
        Complete = complete;
    }

    /// <summary>Index into <see cref="ClusterIds"/> of each dense ad's previous cluster; -1 for an ad without one.</summary>
    public int[] ClusterOfAd { get; }

    /// <summary>The previous cluster IDs (the table <see cref="ClusterOfAd"/> indexes).</summary>
    public IReadOnlyList<string> ClusterIds { get; }

    /// <summary>The component of each cluster of <see cref="ClusterIds"/>; null when not recorded.</summary>
    public IReadOnlyList<string?> ComponentIds { get; }

    /// <summary>How many ads have a previous cluster.</summary>
    public int AssignedCount { get; }

    /// <summary>Whether every previously clustered ad's component is known (an incremental update needs it).</summary>
    public bool Complete { get; }

    /// <summary>The previous cluster ID of dense ad <paramref name="ad"/>, or null.</summary>
    public string? ClusterOf(int ad) => ClusterOfAd[ad] is var c and >= 0 ? ClusterIds[c] : null;

    /// <summary>The number of previously clustered ads of <paramref name="componentId"/> (0 for an unknown component).</summary>
    public int ComponentSize(string componentId) => _componentSize.GetValueOrDefault(componentId);

    /// <summary>
    /// From the previous component and cluster of each ad key: ads of <paramref name="adKeys"/> are mapped by key; component
    /// sizes count every entry of <paramref name="assignments"/>, also keys no longer among <paramref name="adKeys"/>.
    /// </summary>
    public static PreviousClustering FromAssignments(IReadOnlyDictionary<string, (string ComponentId, string ClusterId)> assignments, IReadOnlyList<string> adKeys)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(adKeys);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (component, _) in assignments.Values)
        {
            sizes[component] = sizes.GetValueOrDefault(component) + 1;
        }

        return Build(adKeys, key => assignments.TryGetValue(key, out var v) ? v : null, sizes);
    }

    /// <summary>From the previous cluster of each ad key (components not recorded).</summary>
    public static PreviousClustering FromClusters(IReadOnlyDictionary<string, string> clusters, IReadOnlyList<string> adKeys)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(adKeys);
        return Build(adKeys, key => clusters.TryGetValue(key, out var v) ? (null, v) : null, null);
    }

    private static PreviousClustering Build(IReadOnlyList<string> adKeys, Func<string, (string? Component, string Cluster)?> of, Dictionary<string, int>? sizes)
    {
        var clusterOfAd = new int[adKeys.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var components = new List<string?>();
        for (var a = 0; a < adKeys.Count; a++)
        {
            if (of(adKeys[a]) is not var (component, cluster))
            {
                clusterOfAd[a] = -1;
                continue;
            }

            if (!index.TryGetValue(cluster, out var c))
            {
                index[cluster] = c = ids.Count;
                ids.Add(cluster);
                components.Add(component);
            }

            clusterOfAd[a] = c;
        }

        return new PreviousClustering(clusterOfAd, ids, components, sizes);
    }
}
