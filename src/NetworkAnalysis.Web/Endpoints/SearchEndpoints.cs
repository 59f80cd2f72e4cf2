using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary><c>/api/info</c> and <c>/api/search</c>.</summary>
internal static class SearchEndpoints
{
    private static readonly string[] Statuses = ["new", "reviewing", "referred", "dismissed"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/info", (HttpContext http, CaseCountsCache cache, WorkbenchOptions options) =>
        {
            var counts = cache.Counts;
            // In a team case the page shows the logged-in user and hides what the role may not do (the server refuses it anyway).
            var session = TeamAccounts.Current(http);
            var role = session?.Role;
            var canWrite = !options.ReadOnly && role is null or CaseUserRole.Analyst or CaseUserRole.Admin;
            return Results.Ok(new
            {
                casePath = NetworkAnalysis.Storage.CaseStore.NameOf(options.CasePath), analyst = TeamAccounts.Actor(http, options), readOnly = !canWrite,
                team = session is not null, role = role is { } r ? CaseStore.RoleName(r) : null,
                can = new
                {
                    write = canWrite, export = role is null or CaseUserRole.Analyst or CaseUserRole.Admin,
                    comment = !options.ReadOnly, signOff = !options.ReadOnly && role is null or CaseUserRole.Reviewer or CaseUserRole.Admin,
                    manageUsers = role is CaseUserRole.Admin,
                },
                maxGraphAds = options.MaxGraphAds, cytoscape = WorkbenchHost.HasCytoscape,
                counts = new { ads = counts.Ads, entities = counts.Entities, clusters = counts.Clusters, sources = counts.Sources },
                statuses = Statuses,
                palette = PaletteEndpoints.Palette,
            });
        });

        app.MapGet("/api/search", (string? q, int? limit, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Results.Ok(Array.Empty<object>());
            }

            using var lease = pool.Rent();
            var hits = lease.Store.Search(q, Math.Clamp(limit ?? 20, 1, 100), options.DefaultCountry);
            Audit.Record(lease.Store, options, http, "search", q.Length > 200 ? q[..200] : q);
            return Results.Ok(hits);
        });
    }
}
