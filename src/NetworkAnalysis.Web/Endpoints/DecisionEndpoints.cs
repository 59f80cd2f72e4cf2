using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Analysts' decisions (hub, never-hub, merge, split, not-same): listed per cluster, made and undone with a required reason.</summary>
/// <remarks>
/// Writes go through <see cref="Security.WorkbenchGuard"/> like every other POST (access token, the request header a
/// cross-site form cannot send, refused in read-only mode). The store audits each decision and undo itself. A refused
/// decision (a conflict, an unknown target, no reason) answers 400 with the store's one-line reason.
/// </remarks>
internal static class DecisionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters/{id}/decisions", (string id, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(lease.Store.DecisionsForCluster(id).Select(Json));
        });

        app.MapGet("/api/decisions", (CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(lease.Store.ListDecisions().Select(Json));
        });

        app.MapPost("/api/decisions", (DecisionRequest request, CaseStorePool pool, WorkbenchOptions options) =>
        {
            if (!AnalystDecision.TryParseKind(request.Kind, out var kind))
            {
                return Results.BadRequest(new { error = "kind must be hub, never-hub, merge, split or not-same" });
            }

            using var lease = pool.Rent();
            var store = lease.Store;
            var why = request.Why ?? "";
            try
            {
                var decision = kind switch
                {
                    DecisionKind.Hub => store.DecideHub(Required(request.Identifier, "identifier"), why, options.Analyst),
                    DecisionKind.NeverHub => store.DecideNeverHub(Required(request.Identifier, "identifier"), why, options.Analyst),
                    DecisionKind.Merge => store.DecideMerge(Required(request.Cluster, "cluster"), Required(request.Other, "other"), why, options.Analyst),
                    DecisionKind.Split => store.DecideSplit(Required(request.Cluster, "cluster"), request.SideA ?? [], request.SideB ?? [], why, options.Analyst),
                    _ => store.DecideNotSame(Required(request.AdA, "adA"), Required(request.AdB, "adB"), why, options.Analyst),
                };
                return Results.Ok(Json(decision));
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });

        app.MapPost("/api/decisions/{id:long}/undo", (long id, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            try
            {
                return Results.Ok(Json(lease.Store.UndoDecision(id, options.Analyst)));
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });
    }

    internal static object Json(AnalystDecision d) => new
    {
        id = d.Id, kind = d.KindName, subject = d.Subject, who = d.Who, at = d.At, why = d.Why, run = d.RunId,
        identifier = d.Identifier, clusters = d.Clusters, sideA = d.SideA, sideB = d.SideB,
        undoneAt = d.UndoneAt, undoneBy = d.UndoneBy, effect = d.Effect(),
    };

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new CaseStoreException($"the decision needs '{name}'") : value.Trim();

    /// <summary>
    /// The body of a decision POST. <c>hub</c>/<c>never-hub</c>: <c>identifier</c>. <c>merge</c>: <c>cluster</c> and
    /// <c>other</c> (cluster IDs). <c>split</c>: <c>cluster</c>, <c>sideA</c>, <c>sideB</c> (ads or identifiers).
    /// <c>not-same</c>: <c>adA</c> and <c>adB</c> (ad keys or IDs). <c>why</c> is required.
    /// </summary>
    internal sealed record DecisionRequest(string? Kind, string? Identifier, string? Cluster, string? Other,
        IReadOnlyList<string>? SideA, IReadOnlyList<string>? SideB, string? AdA, string? AdB, string? Why);
}
