using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Analyst status, tags and notes per cluster, and the audit log.</summary>
internal static class AnnotationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/clusters/{id}/annotations", (string id, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(Json(lease.Store.GetClusterAnnotations(id)));
        });

        app.MapPost("/api/clusters/{id}/annotations", (string id, AnnotationChange change, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            ClusterStatus? status = null;
            if (change.Status is not null)
            {
                if (!CaseStore.TryParseStatus(change.Status, out var s))
                {
                    return Results.BadRequest(new { error = "status must be new, reviewing, referred or dismissed" });
                }

                status = s;
            }

            using var lease = pool.Rent();
            var store = lease.Store;
            if (store.GetCluster(id) is null)
            {
                return ClusterEndpoints.NotFound("cluster", id);
            }

            if (status is { } st)
            {
                store.SetClusterStatus(id, st, TeamAccounts.Actor(http, options));
            }

            if (!string.IsNullOrWhiteSpace(change.AddTag))
            {
                store.AddClusterTag(id, change.AddTag, TeamAccounts.Actor(http, options));
            }

            if (!string.IsNullOrWhiteSpace(change.RemoveTag))
            {
                store.RemoveClusterTag(id, change.RemoveTag, TeamAccounts.Actor(http, options));
            }

            if (!string.IsNullOrWhiteSpace(change.Note))
            {
                store.AddClusterNote(id, change.Note, TeamAccounts.Actor(http, options));
            }

            store.AppendAudit(TeamAccounts.Actor(http, options), "annotate", id);
            return Results.Ok(Json(store.GetClusterAnnotations(id)));
        });

        app.MapGet("/api/audit", (int? limit, string? target, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return Results.Ok(lease.Store.RecentAudit(Math.Clamp(limit ?? 100, 1, 1000), target));
        });
    }

    internal static object Json(ClusterAnnotations a) => new
    {
        clusterId = a.ClusterId, status = a.Status.ToString().ToLowerInvariant(), statusBy = a.StatusBy, statusAt = a.StatusAt,
        tags = a.Tags, notes = a.Notes,
    };

    /// <summary>The body of an annotation POST: any of the fields, applied in this order.</summary>
    internal sealed record AnnotationChange(string? Status, string? AddTag, string? RemoveTag, string? Note);
}
