using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Analysts' decisions (hub, never-hub, merge, split, not-same): listed per cluster, made and undone with a required reason.</summary>
/// <remarks>
/// Writes go through <see cref="Security.WorkbenchGuard"/> like every other POST (access token, the request header a
/// cross-site form cannot send, refused in read-only mode). The store audits each decision and undo itself. A refused
/// decision answers 400 with one line: a malformed body, a missing kind, reason or target (<see cref="Check"/>), or the
/// store's reason (an unknown target, a conflict with an earlier decision).
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

        app.MapPost("/api/decisions", async (HttpRequest http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            DecisionRequest? request;
            try
            {
                request = await http.ReadFromJsonAsync<DecisionRequest>(http.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
            {
                return Results.BadRequest(new { error = NotJson });
            }

            if (Check(request, out var kind) is { } problem)
            {
                return Results.BadRequest(new { error = problem });
            }

            using var lease = pool.Rent();
            var store = lease.Store;
            var why = request!.Why!.Trim();
            try
            {
                var decision = kind switch
                {
                    DecisionKind.Hub => store.DecideHub(request.Identifier!.Trim(), why, TeamAccounts.Actor(http.HttpContext, options)),
                    DecisionKind.NeverHub => store.DecideNeverHub(request.Identifier!.Trim(), why, TeamAccounts.Actor(http.HttpContext, options)),
                    DecisionKind.Merge => store.DecideMerge(request.Cluster!.Trim(), request.Other!.Trim(), why, TeamAccounts.Actor(http.HttpContext, options)),
                    DecisionKind.Split => store.DecideSplit(request.Cluster!.Trim(), request.SideA!, request.SideB!, why, TeamAccounts.Actor(http.HttpContext, options)),
                    _ => store.DecideNotSame(request.AdA!.Trim(), request.AdB!.Trim(), why, TeamAccounts.Actor(http.HttpContext, options)),
                };
                return Results.Ok(Json(decision));
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });

        app.MapPost("/api/decisions/{id:long}/undo", (long id, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            try
            {
                return Results.Ok(Json(lease.Store.UndoDecision(id, TeamAccounts.Actor(http, options))));
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

    private const string NotJson = "a decision is a JSON object: {\"kind\": \"hub\", \"identifier\": \"...\", \"why\": \"...\"}";

    /// <summary>
    /// What is wrong with a decision request before the case is asked (one line, or null): no body, an unknown kind, no
    /// reason, a target the kind needs left out or blank. Targets that name nothing in the case are the store's to refuse.
    /// </summary>
    internal static string? Check(DecisionRequest? request, out DecisionKind kind)
    {
        kind = default;
        if (request is null)
        {
            return NotJson;
        }

        if (!AnalystDecision.TryParseKind(request.Kind, out kind))
        {
            return "kind must be hub, never-hub, merge, split or not-same";
        }

        if (string.IsNullOrWhiteSpace(request.Why))
        {
            return "a decision needs a reason ('why'): say what the analyst knows that the ads do not";
        }

        return kind switch
        {
            DecisionKind.Hub or DecisionKind.NeverHub => Missing(request.Identifier, "identifier", "the identifier to mark"),
            DecisionKind.Merge => Missing(request.Cluster, "cluster", "the cluster to merge") ?? Missing(request.Other, "other", "the other cluster's ID"),
            DecisionKind.Split => Missing(request.Cluster, "cluster", "the cluster to split")
                ?? EmptySide(request.SideA, "sideA", "first") ?? EmptySide(request.SideB, "sideB", "second"),
            _ => Missing(request.AdA, "adA", "the first ad") ?? Missing(request.AdB, "adB", "the second ad"),
        };

        static string? Missing(string? value, string field, string what) =>
            string.IsNullOrWhiteSpace(value) ? $"the decision needs '{field}': {what}" : null;

        static string? EmptySide(IReadOnlyList<string>? side, string field, string which) =>
            side is null || side.All(string.IsNullOrWhiteSpace) ? $"the {which} side of the split ('{field}') names no ad or identifier" : null;
    }

    /// <summary>
    /// The body of a decision POST. <c>hub</c>/<c>never-hub</c>: <c>identifier</c>. <c>merge</c>: <c>cluster</c> and
    /// <c>other</c> (cluster IDs). <c>split</c>: <c>cluster</c>, <c>sideA</c>, <c>sideB</c> (ads or identifiers).
    /// <c>not-same</c>: <c>adA</c> and <c>adB</c> (ad keys or IDs). <c>why</c> is required.
    /// </summary>
    internal sealed record DecisionRequest(string? Kind, string? Identifier, string? Cluster, string? Other,
        IReadOnlyList<string>? SideA, IReadOnlyList<string>? SideB, string? AdA, string? AdB, string? Why);
}
