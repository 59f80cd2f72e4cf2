using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Review of a cluster: sign-offs of its referral (each version retrievable), comments, and challenges of its decisions.</summary>
/// <remarks>In a team case a reviewer (or an admin) signs off; everyone logged in comments and challenges. The store audits each.</remarks>
internal static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters/{id}/signoff", (string id, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetCluster(id) is null)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            var state = lease.Store.SignOffState(id);
            return Results.Ok(new
            {
                clusterId = id, currentSha256 = state.CurrentSha256, changedSinceSignOff = state.ChangedSinceSignOff,
                latest = state.Latest is { } l ? Json(l, withContent: false) : null,
                versions = state.Versions.Select(v => Json(v, withContent: false)),
            });
        });

        app.MapGet("/api/clusters/{id}/signoff/{version:int}", (string id, int version, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return lease.Store.SignOffs(id).FirstOrDefault(v => v.Version == version) is { } signed
                ? Results.Ok(Json(signed, withContent: true))
                : ClusterEndpoints.NotFound("sign-off", string.Create(CultureInfo.InvariantCulture, $"{id} version {version}"));
        });

        app.MapPost("/api/clusters/{id}/signoff", (string id, SignOffRequest? body, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetCluster(id) is null)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            try
            {
                return Results.Ok(Json(lease.Store.SignOffReferral(id, TeamAccounts.Actor(http, options), body?.Note), withContent: false));
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).Allow(CaseUserRole.Reviewer);

        app.MapGet("/api/clusters/{id}/comments", (string id, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(lease.Store.Comments(id).Select(c => new
            {
                id = c.Id, kind = c.Kind, decision = c.DecisionId, text = c.Text, who = c.Who, at = c.At,
            }));
        });

        app.MapPost("/api/clusters/{id}/comments", (string id, CommentRequest? body, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetCluster(id) is null)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            try
            {
                var c = lease.Store.AddComment(id, body?.Text ?? "", TeamAccounts.Actor(http, options), body?.Decision);
                return Results.Ok(new { id = c.Id, kind = c.Kind, decision = c.DecisionId, text = c.Text, who = c.Who, at = c.At });
            }
            catch (CaseStoreException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        }).Allow(CaseUserRole.Reviewer, CaseUserRole.Analyst);
    }

    private static object Json(ReferralSignOff s, bool withContent) => new
    {
        version = s.Version, sha256 = s.ContentSha256, who = s.Who, at = s.At, note = s.Note, content = withContent ? s.Content : null,
    };

    /// <summary>The body of a sign-off: an optional note.</summary>
    internal sealed record SignOffRequest(string? Note);

    /// <summary>The body of a comment; with <c>decision</c> it challenges that decision.</summary>
    internal sealed record CommentRequest(string? Text, long? Decision);
}
