using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>The cluster list, one cluster, its graph, entity expansion, evidence paths and activity charts.</summary>
internal static class ClusterEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters", (string? sort, int? minSize, string? city, string? status, int? offset, int? limit, CaseStorePool pool) =>
        {
            if (!Enum.TryParse<ClusterSort>(sort ?? "size", ignoreCase: true, out var order) || !Enum.IsDefined(order) || int.TryParse(sort, out _))
            {
                return Results.BadRequest(new { error = "sort must be size, recency, city or risk" });
            }

            ClusterStatus? wanted = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!CaseStore.TryParseStatus(status, out var s))
                {
                    return Results.BadRequest(new { error = "status must be new, reviewing, referred or dismissed" });
                }

                wanted = s;
            }

            using var lease = pool.Rent();
            var page = lease.Store.ListClusters(new ClusterListQuery(order, minSize ?? 2, city, wanted, offset ?? 0, limit ?? 50));
            return Results.Ok(new
            {
                total = page.Total,
                riskAvailable = page.RiskAvailable,
                items = page.Items.Select(i => Row(i)),
            });
        });

        app.MapGet("/api/clusters/{id}", (string id, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetCluster(id) is not { } item)
            {
                return NotFound("cluster", id);
            }

            Audit.Record(lease.Store, options, "view.cluster", id);
            return Results.Ok(new { cluster = Row(item), annotations = AnnotationEndpoints.Json(lease.Store.GetClusterAnnotations(id)) });
        });

        app.MapGet("/api/clusters/{id}/graph", (string id, int? maxAds, string? layout, CaseStorePool pool, ClusteringModel model, GraphLayouts layouts,
            WorkbenchOptions options) =>
        {
            var limit = Math.Clamp(maxAds ?? options.MaxGraphAds, 1, 20_000);
            GraphFragment? fragment;
            using (var lease = pool.Rent())
            {
                fragment = lease.Store.GetClusterGraph(id, limit);
            }

            if (fragment is null)
            {
                return NotFound("cluster", id);
            }

            // Large graphs come with server-computed positions unless the page asks for none (?layout=client).
            var positions = layout == "client" ? null : layouts.For(id, limit, fragment);
            return Results.Ok(GraphJson.From(fragment, options.HubClusterThreshold, id, model.TryGet()?.HubEntities, positions));
        });

        app.MapGet("/api/entities/{id:long}/ads", (long id, int? limit, string? cluster, CaseStorePool pool, ClusteringModel model, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            var fragment = lease.Store.GetEntityAds(id, Math.Clamp(limit ?? 200, 1, 2000));
            if (fragment is null)
            {
                return NotFound("entity", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Audit.Record(lease.Store, options, "view.entity", "entity:" + id);
            return Results.Ok(GraphJson.From(fragment, options.HubClusterThreshold, cluster, model.TryGet()?.HubEntities));
        });

        app.MapGet("/api/clusters/{id}/path", async (string id, long from, long to, CaseStorePool pool, ClusteringModel model, WorkbenchOptions options) =>
        {
            // The clustering engine's explainer when it knows both ads; else a breadth-first search inside the cluster.
            var engine = await model.GetAsync();
            if (engine.Explain(from, to) is { } explained)
            {
                return Results.Ok(new { found = explained.Linked, path = explained.Nodes, steps = explained.Steps, explanation = explained.Explanation, source = "engine" });
            }

            using var lease = pool.Rent();
            var fragment = lease.Store.GetClusterGraph(id, Math.Max(options.MaxGraphAds, 5000));
            if (fragment is null)
            {
                return NotFound("cluster", id);
            }

            var path = EvidencePathFinder.Find(fragment, from, to, options.HubClusterThreshold);
            return Results.Ok(new { found = path is not null, path = path ?? [], explanation = (string?)null, source = "bfs" });
        });

        app.MapGet("/api/clusters/{id}/timeline.svg", (string id, CaseStorePool pool) => Chart(pool, id, ActivityCharts.Timeline, "Ads over time"));
        app.MapGet("/api/clusters/{id}/movement.svg", (string id, CaseStorePool pool) => Chart(pool, id, ActivityCharts.Movement, "Movement between cities"));
    }

    internal static object Row(ClusterListItem item) => new
    {
        id = item.Summary.Id,
        size = item.Summary.Size,
        phones = item.Summary.Phones,
        emails = item.Summary.Emails,
        entities = item.Summary.Entities,
        cities = item.Summary.Cities,
        firstSeen = item.Summary.FirstSeen,
        lastSeen = item.Summary.LastSeen,
        risk = item.Risk,
        status = item.Status.ToString().ToLowerInvariant(),
    };

    internal static IResult NotFound(string what, string id) => Results.NotFound(new { error = $"no {what} {id}" });

    private static IResult Chart(CaseStorePool pool, string id, Func<string, IReadOnlyList<(string?, string?)>, string> draw, string title)
    {
        using var lease = pool.Rent();
        var activity = lease.Store.GetClusterActivity(id);
        return activity.Count == 0 ? NotFound("cluster", id) : Results.Text(draw($"{title}: cluster {id}", activity), "image/svg+xml");
    }
}
