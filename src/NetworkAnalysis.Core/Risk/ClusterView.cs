using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Risk;

/// <summary>One cluster's ads (sorted by key) and corpus figures, as the signals see them.</summary>
internal sealed class ClusterView(RiskCluster cluster, AdFacts[] ads, CorpusFacts corpus, IReadOnlyDictionary<string, PhoneNumberDetails>? phoneDetails = null)
{
    private List<(RiskEntityRef Entity, int[] Ads)>? _byIdentifier;

    public RiskCluster Cluster { get; } = cluster;

    /// <summary>Member ads in ordinal key order.</summary>
    public AdFacts[] Ads { get; } = ads;

    public CorpusFacts Corpus { get; } = corpus;

    /// <summary>The region, place and type of a phone number: the stored ones when the input carries them (see
    /// <see cref="RiskInput.PhoneDetails"/>), else this build's description.</summary>
    public PhoneNumberDetails? PhoneDetails(string e164) =>
        phoneDetails is null ? PhoneNumberDetails.Describe(e164) : phoneDetails.GetValueOrDefault(e164);

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
            foreach (var e in Ads[i].Ad.Entities)
            {
                if (e.IsHub)
                {
                    continue;
                }

                if (!map.TryGetValue((e.Type, e.Value), out var list))
                {
                    map[(e.Type, e.Value)] = list = [];
                }

                // Ads are visited in order, so a repeat mention in the same ad is the list's last item.
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var groups = new List<(RiskEntityRef, int[])>(map.Count);
        foreach (var ((type, value), list) in map)
        {
            groups.Add((new RiskEntityRef(type, value), list.ToArray()));
        }

        groups.Sort(static (a, b) => a.Item1.Type != b.Item1.Type ? a.Item1.Type.CompareTo(b.Item1.Type) : string.CompareOrdinal(a.Item1.Value, b.Item1.Value));
        return groups;
    }
}
