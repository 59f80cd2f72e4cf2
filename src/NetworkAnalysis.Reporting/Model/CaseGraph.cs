namespace NetworkAnalysis.Reporting.Model;

/// <summary>Ads, entities and the links between them: the input of every export and of the network drawing.</summary>
/// <remarks>Order matters: renderers and exporters walk the lists in the given order, so the same lists give byte-identical output.</remarks>
public sealed record CaseGraph
{
    /// <summary>The ads (unique keys).</summary>
    public IReadOnlyList<ReportAd> Ads { get; init; } = [];

    /// <summary>The entities (unique IDs).</summary>
    public IReadOnlyList<ReportEntity> Entities { get; init; } = [];

    /// <summary>Links between ads and entities, and weak links between ads.</summary>
    public IReadOnlyList<ReportLink> Links { get; init; } = [];

    /// <summary>Mention spans of entities in ad texts.</summary>
    public IReadOnlyList<ReportMention> Mentions { get; init; } = [];

    /// <summary>The sub-graph of one cluster: its ads, the entities they link to, and the links among them.</summary>
    public CaseGraph ForCluster(string clusterId)
    {
        var ads = Ads.Where(a => a.ClusterId == clusterId).ToList();
        var keys = ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var links = Links.Where(l => keys.Contains(l.Source) && (l.Kind == ReportLinkKind.Mentions || keys.Contains(l.Target))).ToList();
        var entityIds = links.Where(l => l.Kind == ReportLinkKind.Mentions).Select(l => l.Target).ToHashSet(StringComparer.Ordinal);
        return new CaseGraph
        {
            Ads = ads,
            Entities = Entities.Where(e => entityIds.Contains(e.Id)).ToList(),
            Links = links,
            Mentions = Mentions.Where(m => keys.Contains(m.AdKey)).ToList(),
        };
    }
}
