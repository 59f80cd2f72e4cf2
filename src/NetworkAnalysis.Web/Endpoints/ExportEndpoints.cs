using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Downloads of one cluster: GraphML, a Neo4j import bundle, and an HTML referral summary. Each is audited.</summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/clusters/{id}/export/{kind}", (string id, string kind, CaseStorePool pool, WorkbenchOptions options) =>
        {
            if (kind is not ("graphml" or "neo4j" or "referral"))
            {
                return Results.BadRequest(new { error = "export must be graphml, neo4j or referral" });
            }

            using var lease = pool.Rent();
            var store = lease.Store;
            if (store.GetCluster(id) is not { } cluster || store.GetClusterGraph(id, 20_000) is not { } graph)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            store.AppendAudit(options.Analyst, "export." + kind, id);
            var safe = new string(id.Where(char.IsAsciiLetterOrDigit).ToArray());
            switch (kind)
            {
                case "graphml":
                    return Results.File(GraphMlWriter.Write(id, graph), "application/graphml+xml", $"cluster-{safe}.graphml");
                case "neo4j":
                    return Results.File(Neo4jBundle.Write(id, graph), "application/zip", $"cluster-{safe}-neo4j.zip");
                default:
                    var ads = graph.Ads.Take(500).Select(a => store.GetAd(a.Id)).OfType<Storage.AdDetail>().ToList();
                    var svg = ActivityCharts.Timeline("Ads over time", store.GetClusterActivity(id));
                    var html = ReferralReport.Write(cluster.Summary, store.GetClusterAnnotations(id), graph, ads, svg, options.Analyst,
                        store.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                    return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"cluster-{safe}-referral.html");
            }
        });
}
