using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Clustering;

/// <summary>Incremental re-clustering.</summary>
public static partial class ClusteringEngine
{
    /// <summary>Re-clusters after a change, recomputing only the components the change touches.</summary>
    /// <remarks>
    /// Hub detection and union-find run over the whole graph again (linear and cheap); a component whose ads are
    /// exactly those of a previous component, none touched and none linked to a touched entity, keeps its previous
    /// split without running cohesion gating or Leiden again. Because a component's split depends only on its own
    /// ads, identifiers, weak links and the seed (weights do not depend on the total ad count), the result equals
    /// a full <see cref="Run"/> on the new incidence with the same options.
    /// </remarks>
    /// <param name="previous">The previous result.</param>
    /// <param name="previousAdKeys">Ad keys of <paramref name="previous"/> by its dense indexes.</param>
    /// <param name="incidence">The new incidence.</param>
    /// <param name="weakLinks">The new weak links.</param>
    /// <param name="change">What changed.</param>
    /// <param name="options">Same options as the previous run (other options make reuse wrong).</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Update(
        ClusteringResult previous,
        IReadOnlyList<string> previousAdKeys,
        AdEntityIncidence incidence,
        IReadOnlyList<WeakLink> weakLinks,
        IncrementalChange change,
        ClusteringOptions options,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(previousAdKeys);
        ArgumentNullException.ThrowIfNull(incidence);
        ArgumentNullException.ThrowIfNull(change);
        var before = new Dictionary<string, (string Component, string Cluster)>(previousAdKeys.Count, StringComparer.Ordinal);
        foreach (var cluster in previous.Clusters)
        {
            var component = cluster.ComponentId ?? cluster.Id;
            foreach (var a in cluster.AdIndexes)
            {
                before[previousAdKeys[a]] = (component, cluster.Id);
            }
        }

        return Update(before, incidence, weakLinks, change, options, null, ct);
    }

    /// <summary>
    /// As <see cref="Update(ClusteringResult, IReadOnlyList{string}, AdEntityIncidence, IReadOnlyList{WeakLink}, IncrementalChange, ClusteringOptions, CancellationToken)"/>,
    /// from the previous assignment of each ad key to its component and cluster ID (what a case store keeps).
    /// </summary>
    /// <param name="previousAssignments">Previous component ID and cluster ID of every previously clustered ad, by ad key.</param>
    /// <param name="incidence">The new incidence.</param>
    /// <param name="weakLinks">The new weak links.</param>
    /// <param name="change">What changed.</param>
    /// <param name="options">Same options as the previous run.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Update(
        IReadOnlyDictionary<string, (string ComponentId, string ClusterId)> previousAssignments,
        AdEntityIncidence incidence,
        IReadOnlyList<WeakLink> weakLinks,
        IncrementalChange change,
        ClusteringOptions options,
        CancellationToken ct = default)
        => Update(previousAssignments, incidence, weakLinks, change, options, null, ct);

    /// <summary>As the overload without decisions, honouring analyst <paramref name="decisions"/> (equal to a full run with them).</summary>
    /// <remarks>Ads and identifiers of decisions made or undone since the previous run must be in <paramref name="change"/>.</remarks>
    /// <param name="previousAssignments">Previous component ID and cluster ID of every previously clustered ad, by ad key.</param>
    /// <param name="incidence">The new incidence.</param>
    /// <param name="weakLinks">The new weak links.</param>
    /// <param name="change">What changed.</param>
    /// <param name="options">Same options as the previous run.</param>
    /// <param name="decisions">Analyst decisions to honour.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Update(
        IReadOnlyDictionary<string, (string ComponentId, string ClusterId)> previousAssignments,
        AdEntityIncidence incidence,
        IReadOnlyList<WeakLink> weakLinks,
        IncrementalChange change,
        ClusteringOptions options,
        ClusteringDecisions? decisions,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previousAssignments);
        ArgumentNullException.ThrowIfNull(incidence);
        return Update(PreviousClustering.FromAssignments(previousAssignments, incidence.AdKeys), incidence, weakLinks, change, options, decisions, ct);
    }

    /// <summary>As the overload with ad-key dictionaries, from the previous clustering by dense ad (issue #21: no per-ad string look-ups).</summary>
    /// <remarks>Ads and identifiers of decisions made or undone since the previous run must be in <paramref name="change"/>.</remarks>
    /// <param name="previous">Previous cluster and component of each dense ad of <paramref name="incidence"/>; must be <see cref="PreviousClustering.Complete"/>.</param>
    /// <param name="incidence">The new incidence.</param>
    /// <param name="weakLinks">The new weak links.</param>
    /// <param name="change">What changed.</param>
    /// <param name="options">Same options as the previous run.</param>
    /// <param name="decisions">Analyst decisions to honour.</param>
    /// <param name="ct">Cancellation.</param>
    public static ClusteringResult Update(
        PreviousClustering previous,
        AdEntityIncidence incidence,
        IReadOnlyList<WeakLink> weakLinks,
        IncrementalChange change,
        ClusteringOptions options,
        ClusteringDecisions? decisions,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(incidence);
        ArgumentNullException.ThrowIfNull(change);
        if (previous.ClusterOfAd.Length != incidence.AdCount)
        {
            throw new ArgumentException("the previous clustering must be indexed by the incidence's ads", nameof(previous));
        }

        bool[] affected = [];
        var keys = incidence.AdKeys;
        var clusterOfAd = previous.ClusterOfAd;
        var partOf = new int[previous.ClusterIds.Count];
        var storedCohesion = previous.Cohesion;
        List<int[]>? Reuse(ReadOnlySpan<int> ads, out double[]? cohesion)
        {
            cohesion = null;
            var anchor = keys[ads[0]];
            foreach (var a in ads)
            {
                if (affected[a] || clusterOfAd[a] < 0)
                {
                    return null;
                }

                if (string.CompareOrdinal(keys[a], anchor) < 0)
                {
                    anchor = keys[a];
                }
            }

            var componentId = ClusterIds.FromAnchor(anchor);
            if (previous.ComponentSize(componentId) != ads.Length)
            {
                return null;
            }

            // Parts in order of their first ad, as the cluster IDs were met.
            var order = new List<List<int>>();
            var parts = storedCohesion is null ? null : new List<double>();
            foreach (var a in ads)
            {
                partOf[clusterOfAd[a]] = -1;
            }

            foreach (var a in ads)
            {
                var cluster = clusterOfAd[a];
                if (!string.Equals(previous.ComponentIds[cluster], componentId, StringComparison.Ordinal))
                {
                    return null;
                }

                if (partOf[cluster] < 0)
                {
                    partOf[cluster] = order.Count;
                    order.Add([]);
                    parts?.Add(storedCohesion![cluster]);
                }

                order[partOf[cluster]].Add(a);
            }

            // The stored cohesion of each part, by the cluster it came from; when one is not stored, all are computed.
            cohesion = parts is not null && !parts.Any(double.IsNaN) ? [.. parts] : null;
            return order.Select(p => p.ToArray()).ToList();
        }

        // Affected ads are known once the hubs are (a touched entity that is a hub now and was one before affects none).
        var previousHubs = decisions is null || (decisions.MustLink.Count == 0 && decisions.Separations.Count == 0) ? change.PreviousHubs : null;
        return RunCore(incidence, weakLinks, options, Reuse, decisions, ct, hubs => affected = AffectedAds(incidence, change, hubs, previousHubs));
    }

    private static bool[] AffectedAds(AdEntityIncidence incidence, IncrementalChange change, HubReport hubs, IReadOnlySet<(EntityType, string)>? previousHubs)
    {
        var affected = new bool[incidence.AdCount];
        var touchedAds = change.TouchedAdKeys as IReadOnlySet<string> ?? new HashSet<string>(change.TouchedAdKeys, StringComparer.Ordinal);
        for (var a = 0; a < incidence.AdCount; a++)
        {
            affected[a] = touchedAds.Contains(incidence.AdKeys[a]);
        }

        if (change.TouchedEntities.Count == 0)
        {
            return affected;
        }

        var touchedEntities = new HashSet<(EntityType, string)>(change.TouchedEntities);
        var entityTouched = new bool[incidence.EntityCount];
        for (var e = 0; e < incidence.EntityCount; e++)
        {
            var key = (incidence.EntityTypes[e], incidence.EntityValues[e]);
            entityTouched[e] = touchedEntities.Contains(key) && !(previousHubs is not null && hubs.IsHub(e) && previousHubs.Contains(key));
        }

        for (var i = 0; i < incidence.LinkCount; i++)
        {
            if (entityTouched[incidence.LinkEntities[i]])
            {
                affected[incidence.LinkAds[i]] = true;
            }
        }

        return affected;
    }
}
