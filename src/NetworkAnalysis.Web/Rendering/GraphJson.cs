using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>Turns a graph fragment into the JSON the browser hands to Cytoscape.js (data only; labels are drawn on a canvas).</summary>
internal static class GraphJson
{
    /// <remarks>
    /// An entity is a hub exactly when the stored analysis judged it one (<paramref name="hubs"/>, from <see cref="StoredAnalysis.HubEntityIds"/>).
    /// With <paramref name="layout"/>, every node carries server-computed <c>x</c>/<c>y</c> pixels (the page then uses a preset layout).
    /// </remarks>
    public static object From(GraphFragment fragment, IReadOnlySet<long> hubs, string? clusterId = null, GraphLayouts.Positions? layout = null)
    {
        var ads = fragment.Ads.Select(a =>
        {
            var (x, y) = Position(layout, "a:" + a.Id);
            return new
            {
                id = "a:" + a.Id,
                kind = "ad",
                rowId = a.Id,
                label = a.Key,
                clusterId = a.ClusterId,
                city = a.City,
                postedAt = a.PostedAt,
                title = a.Title,
                outside = clusterId is not null && a.ClusterId != clusterId,
                x,
                y,
            };
        });
        var entities = fragment.Entities.Select(e =>
        {
            var (x, y) = Position(layout, "e:" + e.Id);
            return new
            {
                id = "e:" + e.Id,
                kind = "entity",
                rowId = e.Id,
                type = e.Type,
                label = e.Value,
                ads = e.Ads,
                clusters = e.Clusters,
                hub = hubs.Contains(e.Id),
                phone = e.Phone is { } d ? new { region = d.Region, location = d.Location, numberType = d.Type } : null,
                x,
                y,
            };
        });
        var edges = fragment.Links.Select(l => new { id = "l:" + l.Ad + ":" + l.Entity, source = "a:" + l.Ad, target = "e:" + l.Entity });
        return new
        {
            clusterId,
            totalAds = fragment.TotalAds,
            hubSource = "analysis",
            truncated = fragment.TotalAds > fragment.Ads.Count,
            layout = layout is null ? null : "server",
            ads,
            entities,
            edges,
        };
    }

    private static (int? X, int? Y) Position(GraphLayouts.Positions? layout, string id) =>
        layout is not null && layout.ById.TryGetValue(id, out var p) ? (p.X, p.Y) : (null, null);
}
