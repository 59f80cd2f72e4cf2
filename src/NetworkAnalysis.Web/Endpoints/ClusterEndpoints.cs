using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>The cluster list, one cluster, its graph, entity expansion, evidence paths, structure (cut points, bridges, link strength) and activity charts.</summary>
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

        app.MapGet("/api/clusters/{id}", (string id, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetCluster(id) is not { } item)
            {
                return NotFound("cluster", id);
            }

            Audit.Record(lease.Store, options, http, "view.cluster", id);
            return Results.Ok(new { cluster = Row(item), annotations = AnnotationEndpoints.Json(lease.Store.GetClusterAnnotations(id)) });
        });

        app.MapGet("/api/clusters/{id}/graph", (string id, int? maxAds, string? layout, CaseStorePool pool, GraphLayouts layouts,
            WorkbenchOptions options) =>
        {
            var limit = Math.Clamp(maxAds ?? options.MaxGraphAds, 1, 20_000);
            GraphFragment? fragment;
            IReadOnlySet<long> hubs;
            using (var lease = pool.Rent())
            {
                fragment = lease.Store.GetClusterGraph(id, limit);
                hubs = StoredHubs(lease.Store);
            }

            if (fragment is null)
            {
                return NotFound("cluster", id);
            }

            // Large graphs come with server-computed positions unless the page asks for none (?layout=client).
            var positions = layout == "client" ? null : layouts.For(id, limit, fragment);
            return Results.Ok(GraphJson.From(fragment, hubs, id, positions));
        });

        app.MapGet("/api/entities/{id:long}/ads", (long id, int? limit, string? cluster, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            var fragment = lease.Store.GetEntityAds(id, Math.Clamp(limit ?? 200, 1, 2000));
            if (fragment is null)
            {
                return NotFound("entity", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Audit.Record(lease.Store, options, http, "view.entity", "entity:" + id);
            return Results.Ok(GraphJson.From(fragment, StoredHubs(lease.Store), cluster));
        });

        app.MapGet("/api/clusters/{id}/path", async (string id, long from, long to, CaseStorePool pool, AnalysisModel model) =>
        {
            // The engine's explainer over the analysis netan analyze stored (its clusters, hub verdicts and thresholds).
            StoredAnalysis? analysis;
            using (var lease = pool.Rent())
            {
                if (lease.Store.GetCluster(id) is null)
                {
                    return NotFound("cluster", id);
                }

                analysis = AnalysisModel.Analysis(lease.Store);
            }

            if (analysis is null)
            {
                return NotFound("analysis", "(run netan analyze)");
            }

            var evidence = await model.EvidenceAsync(analysis);
            if (evidence.Explain(from, to) is not { } explained)
            {
                return NotFound("ad", evidence.AdIndex.ContainsKey(from) ? to.ToString(System.Globalization.CultureInfo.InvariantCulture) : from.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return Results.Ok(new { found = explained.Linked, path = explained.Nodes, steps = explained.Steps, explanation = explained.Explanation, source = "engine" });
        });

        app.MapGet("/api/clusters/{id}/structure", async (string id, CaseStorePool pool, AnalysisModel model) =>
        {
            // What holds the cluster together, on the graph of the stored analysis (the same as netan show and the report).
            if (await ClusterGraph(id, pool, model) is not { } found)
            {
                return NotFound("cluster", id);
            }

            var structure = ClusterGraphAnalysis.Structure(found.Graph);
            return Results.Text(ClusterStructureJson.Structure(structure, redact: false, found.NodeId).ToJsonString(), "application/json");
        });

        app.MapGet("/api/clusters/{id}/link", async (string id, long? from, long? to, CaseStorePool pool, AnalysisModel model) =>
        {
            // How solid the link between two of the cluster's ads is: edge-disjoint evidence paths and the minimum cut (as netan explain).
            if (from is null || to is null)
            {
                return Results.BadRequest(new { error = "from and to must be the row IDs of two ads of the cluster" });
            }

            if (await ClusterGraph(id, pool, model) is not { } found)
            {
                return NotFound("cluster", id);
            }

            var keys = found.Graph.Ads.ToDictionary(a => found.NodeId(a) ?? "", a => a.Label, StringComparer.Ordinal);
            string? Key(long ad) => keys.GetValueOrDefault("a:" + ad.ToString(CultureInfo.InvariantCulture));
            if (Key(from.Value) is not { } a || Key(to.Value) is not { } b)
            {
                return Results.BadRequest(new { error = $"both ads must be in cluster {id}" });
            }

            if (a == b)
            {
                return Results.BadRequest(new { error = "pick two different ads" });
            }

            var strength = ClusterGraphAnalysis.LinkStrength(found.Graph, a, b);
            return Results.Text(ClusterStructureJson.LinkStrength(strength, found.NodeId).ToJsonString(), "application/json");
        });

        app.MapGet("/api/clusters/{id}/timeline.svg", (string id, CaseStorePool pool) => Chart(pool, id, ads => new TimelineChart(ads)));
        app.MapGet("/api/clusters/{id}/movement.svg", (string id, CaseStorePool pool) => Chart(pool, id, ads => new MovementChart(ads)));
        app.MapGet("/api/clusters/{id}/map.svg", (string id, CaseStorePool pool) => Map(pool, id));
    }

    /// <summary>The cluster's graph under the stored analysis with the workbench's node IDs, or null when there is no analysis or no such cluster.</summary>
    private static async Task<(ClusterGraph Graph, Func<ClusterNode, string?> NodeId)?> ClusterGraph(string id, CaseStorePool pool, AnalysisModel model)
    {
        StoredAnalysis? analysis;
        using (var lease = pool.Rent())
        {
            analysis = AnalysisModel.Analysis(lease.Store);
        }

        return analysis is null ? null : (await model.EvidenceAsync(analysis)).ClusterGraph(id);
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

    /// <summary>Row IDs of the entities the stored analysis judged hubs (empty before the first analysis).</summary>
    internal static IReadOnlySet<long> StoredHubs(CaseStore store) => AnalysisModel.Analysis(store)?.HubEntityIds ?? new HashSet<long>();

    internal static IResult NotFound(string what, string id) => Results.NotFound(new { error = $"no {what} {id}" });

    /// <summary>The cluster's movement map (the same as in referral reports and <c>netan chart map</c>), from its ads' city, region and country.</summary>
    private static IResult Map(CaseStorePool pool, string id)
    {
        if (NetworkAnalysis.Reporting.Geo.GeoAtlas.Default is not { } atlas)
        {
            return Results.Text(NetworkAnalysis.Reporting.Geo.GeoDataFiles.MissingHint, "text/plain", statusCode: 404);
        }

        using var lease = pool.Rent();
        if (lease.Store.GetCluster(id) is null)
        {
            return NotFound("cluster", id);
        }

        var ads = lease.Store.CaseAds(id).Select(a => new ReportAd
        {
            Key = a.Key,
            PostedAt = DateTimeOffset.TryParse(a.PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            City = a.City,
            Region = a.Region,
            Country = a.Country,
        }).ToList();
        return Results.Text(new MovementMapChart(ads, atlas).ToSvg(), "image/svg+xml");
    }

    /// <summary>One of the Reporting charts (the same as in referral case files and <c>netan chart</c>) over the cluster's dates and cities.</summary>
    private static IResult Chart(CaseStorePool pool, string id, Func<IReadOnlyList<ReportAd>, ISvgChart> chart)
    {
        using var lease = pool.Rent();
        var activity = lease.Store.GetClusterActivity(id);
        if (activity.Count == 0)
        {
            return NotFound("cluster", id);
        }

        var ads = activity.Select((a, i) => new ReportAd
        {
            Key = i.ToString("D9", CultureInfo.InvariantCulture),
            PostedAt = DateTimeOffset.TryParse(a.PostedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            City = a.City,
        }).ToList();
        return Results.Text(chart(ads).ToSvg(), "image/svg+xml");
    }
}
