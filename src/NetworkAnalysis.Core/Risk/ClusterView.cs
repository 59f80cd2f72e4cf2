namespace NetworkAnalysis.Core.Risk;

/// <summary>One cluster's ads (sorted by key) and corpus figures, as the signals see them.</summary>
internal sealed class ClusterView(RiskCluster cluster, AdFacts[] ads, CorpusFacts corpus)
{
    private List<(RiskEntityRef Entity, int[] Ads)>? _byIdentifier;

    public RiskCluster Cluster { get; } = cluster;

    /// <summary>Member ads in ordinal key order.</summary>
    public AdFacts[] Ads { get; } = ads;

    public CorpusFacts Corpus { get; } = corpus;

    /// <summary>Every non-hub identifier of the cluster with the indexes (into <see cref="Ads"/>) of its ads, ordered by type then value.</summary>
    public List<(RiskEntityRef Entity, int[] Ads)> ByIdentifier => _byIdentifier ??= GroupByIdentifier();

    /// <summary>Ad indexes ordered by posting time (ties by key); ads without a time are left out.</summary>
    public int[] TimeOrder()
    {
        var order = Enumerable.Range(0, Ads.Length).Where(i => Ads[i].Ticks is not null).ToArray();
        Array.Sort(order, (a, b) => Ads[a].Ticks!.Value != Ads[b].Ticks!.Value ? Ads[a].Ticks!.Value.CompareTo(Ads[b].Ticks!.Value) : a.CompareTo(b));
        return order;
    }

    private List<(RiskEntityRef, int[])> GroupByIdentifier()
    {
        var map = new Dictionary<(Extraction.EntityType, string), List<int>>();
        for (var i = 0; i < Ads.Length; i++)
        {
            foreach (var e in Ads[i].Identifiers)
            {
                if (!map.TryGetValue((e.Type, e.Value), out var list))
                {
                    map[(e.Type, e.Value)] = list = [];
                }

                list.Add(i);
            }
        }

        return map
            .OrderBy(kv => kv.Key.Item1)
            .ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
            .Select(kv => (new RiskEntityRef(kv.Key.Item1, kv.Key.Item2), kv.Value.ToArray()))
            .ToList();
    }
}
