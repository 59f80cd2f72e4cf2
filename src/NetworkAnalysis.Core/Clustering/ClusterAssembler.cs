namespace NetworkAnalysis.Core.Clustering;

/// <summary>Collects clusters with their profiles and produces the ordered, ID-stamped result.</summary>
internal sealed class ClusterAssembler(string[] adKeys)
{
    private readonly List<Cluster> _clusters = [];

    /// <summary>The stable ID of a set of ads (from the ordinally smallest key).</summary>
    public string IdOf(ReadOnlySpan<int> ads)
    {
        var min = adKeys[ads[0]];
        for (var i = 1; i < ads.Length; i++)
        {
            if (string.CompareOrdinal(adKeys[ads[i]], min) < 0)
            {
                min = adKeys[ads[i]];
            }
        }

        return ClusterIds.FromAnchor(min);
    }

    public void Add(ReadOnlySpan<int> ads, string componentId, double cohesion, IReadOnlyList<ClusterBridge> bridges)
    {
        var id = ads.Length == 1 ? ClusterIds.FromAnchor(adKeys[ads[0]]) : IdOf(ads);
        _clusters.Add(new Cluster(id, ads.ToArray()) { Cohesion = cohesion, Bridges = bridges, ComponentId = componentId });
    }

    public (List<Cluster> Clusters, int[] AdCluster) Build()
    {
        _clusters.Sort((a, b) => a.Size != b.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Id, b.Id));
        var adCluster = new int[adKeys.Length];
        for (var c = 0; c < _clusters.Count; c++)
        {
            foreach (var a in _clusters[c].AdIndexes)
            {
                adCluster[a] = c;
            }
        }

        return (_clusters, adCluster);
    }
}
