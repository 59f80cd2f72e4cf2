using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Web.Rendering;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Exports of one cluster: GraphML and the Neo4j bundle through the Reporting exporters, and the referral summary.</summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/clusters/{id}/export/{kind}", (string id, string kind, CaseStorePool pool, ClusteringModel model, WorkbenchOptions options,
            CancellationToken ct) =>
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

            Audit.Record(store, options, "export." + kind, id);
            var safe = new string(id.Where(char.IsAsciiLetterOrDigit).ToArray());
            switch (kind)
            {
                case "graphml":
                    return Results.File(GraphMl(options.CasePath, id, Hubs(graph, model), ct), "application/graphml+xml", $"cluster-{safe}.graphml");
                case "neo4j":
                    return Results.File(Neo4j(options.CasePath, id, Hubs(graph, model), ct), "application/zip", $"cluster-{safe}-neo4j.zip");
                default:
                    var ads = graph.Ads.Take(500).Select(a => store.GetAd(a.Id)).OfType<Storage.AdDetail>().ToList();
                    var svg = ActivityCharts.Timeline("Ads over time", store.GetClusterActivity(id));
                    var html = ReferralReport.Write(cluster.Summary, store.GetClusterAnnotations(id), graph, ads, svg, options.Analyst,
                        store.Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
                    return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"cluster-{safe}-referral.html");
            }
        });

    /// <summary>The engine's hub verdicts for this cluster's identifiers, in the Reporting exporters' <c>type:value</c> form.</summary>
    private static HashSet<string> Hubs(Storage.GraphFragment graph, ClusteringModel model)
    {
        var hubs = model.TryGet()?.HubEntities;
        return graph.Entities.Where(e => hubs?.Contains(e.Id) ?? false).Select(e => e.Type + ":" + e.Value).ToHashSet(StringComparer.Ordinal);
    }

    private static byte[] GraphMl(string casePath, string clusterId, HashSet<string> hubs, CancellationToken ct)
    {
        using var reader = new CaseReportReader(casePath);
        using var output = new MemoryStream();
        GraphMlExporter.Write(reader.LoadGraph(clusterId, loadImages: false, hubs, ct), output, ct);
        return output.ToArray();
    }

    /// <summary>The Reporting Neo4j bulk export (CSV for neo4j-admin or LOAD CSV, the import command and script) as one zip.</summary>
    private static byte[] Neo4j(string casePath, string clusterId, HashSet<string> hubs, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("netan-neo4j-");
        try
        {
            using (var reader = new CaseReportReader(casePath))
            {
                new Neo4jBulkExporter().Export(reader.LoadGraph(clusterId, loadImages: false, hubs, ct), folder.FullName, ct);
            }

            using var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in Directory.GetFiles(folder.FullName).Order(StringComparer.Ordinal))
                {
                    zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Optimal);
                }
            }

            return output.ToArray();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
