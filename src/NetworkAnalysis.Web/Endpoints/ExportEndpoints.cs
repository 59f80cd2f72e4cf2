using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Reporting.Cases;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Exports of one cluster through the Reporting exporters and referral writer (the same code as <c>netan export</c> and <c>netan report</c>).</summary>
/// <remarks>Hubs are those the stored analysis judged (<see cref="CaseReportReader"/>), as in every other host.</remarks>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/clusters/{id}/export/{kind}", (string id, string kind, HttpContext http, CaseStorePool pool, WorkbenchOptions options, TeamAccounts accounts, CancellationToken ct) =>
        {
            if (kind is not ("graphml" or "neo4j" or "referral"))
            {
                return Results.BadRequest(new { error = "export must be graphml, neo4j or referral" });
            }

            using var lease = pool.Rent();
            var store = lease.Store;
            if (store.GetCluster(id) is null)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            Audit.Record(store, options, http, "export." + kind, id);
            var safe = new string(id.Where(char.IsAsciiLetterOrDigit).ToArray());
            switch (kind)
            {
                case "graphml":
                    return Results.File(GraphMl(store, id, ct), "application/graphml+xml", $"cluster-{safe}.graphml");
                case "neo4j":
                    return Results.File(Neo4j(store, id, ct), "application/zip", $"cluster-{safe}-neo4j.zip");
                default:
                    // The referral says whether it is the signed-off version (team review, see ReviewEndpoints); a single-user
                    // case that never signed one off says nothing of it.
                    var signOff = store.SignOffState(id);
                    var notes = store.GetClusterAnnotations(id).Notes.Select(n => $"{n.Text} ({n.Who}, {n.At})");
                    if (signOff.Latest is not null || accounts.IsTeam)
                    {
                        notes = notes.Append(SignOffLine(signOff));
                    }

                    var model = ClusterReports.Load(store, id, store.Name, loadImages: false, redact: false, TeamAccounts.Actor(http, options),
                        string.Join("\n", notes), store.Time.GetUtcNow(), ct);
                    var html = ReferralReportWriter.Render(model);
                    return Results.File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"cluster-{safe}-referral.html");
            }
        }).Allow(Storage.CaseUserRole.Analyst);

    /// <summary>One line on the referral's sign-off: not signed off, signed off as it stands, or changed since (a new version needed).</summary>
    internal static string SignOffLine(Storage.ReferralSignOffState state) => state.Latest is not { } l
        ? "Sign-off: not signed off."
        : state.ChangedSinceSignOff
            ? $"Sign-off: changed since sign-off (version {l.Version} by {l.Who} on {l.At}, SHA-256 {l.ContentSha256}); this is not the signed version, a new version needs a new sign-off."
            : $"Sign-off: version {l.Version} signed off by {l.Who} on {l.At}; content SHA-256 {state.CurrentSha256}.";

    private static byte[] GraphMl(Storage.CaseStore store, string clusterId, CancellationToken ct)
    {
        using var output = new MemoryStream();
        GraphMlExporter.Write(new CaseReportReader(store).LoadGraph(clusterId, loadImages: false, ct), output, ct);
        return output.ToArray();
    }

    /// <summary>The Reporting Neo4j bulk export (CSV for neo4j-admin or LOAD CSV, the import command and script) as one zip.</summary>
    private static byte[] Neo4j(Storage.CaseStore store, string clusterId, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("netan-neo4j-");
        try
        {
            new Neo4jBulkExporter().Export(new CaseReportReader(store).LoadGraph(clusterId, loadImages: false, ct), folder.FullName, ct);
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
