using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>Turns a graph fragment into the JSON the browser hands to Cytoscape.js (data only; labels are drawn on a canvas).</summary>
internal static class GraphJson
{
    public static object From(GraphFragment fragment, int hubThreshold, string? clusterId = null, IReadOnlySet<long>? engineHubs = null)
    {
        var ads = fragment.Ads.Select(a => new
        {
            id = "a:" + a.Id, kind = "ad", rowId = a.Id, label = a.Key, clusterId = a.ClusterId, city = a.City, postedAt = a.PostedAt,
            title = a.Title, outside = clusterId is not null && a.ClusterId != clusterId,
        });
        var entities = fragment.Entities.Select(e => new
        {
            id = "e:" + e.Id, kind = "entity", rowId = e.Id, type = e.Type, label = e.Value, ads = e.Ads, clusters = e.Clusters,
            hub = engineHubs?.Contains(e.Id) ?? e.Clusters > hubThreshold,
        });
        var edges = fragment.Links.Select(l => new { id = "l:" + l.Ad + ":" + l.Entity, source = "a:" + l.Ad, target = "e:" + l.Entity });
        return new
        {
            clusterId, totalAds = fragment.TotalAds, hubSource = engineHubs is null ? "clusters" : "engine", truncated = fragment.TotalAds > fragment.Ads.Count, hubThreshold,
            ads, entities, edges,
        };
    }
}
