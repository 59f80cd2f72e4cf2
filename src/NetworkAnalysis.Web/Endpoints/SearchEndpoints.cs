using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary><c>/api/info</c> and <c>/api/search</c>.</summary>
internal static class SearchEndpoints
{
    private static readonly string[] Statuses = ["new", "reviewing", "referred", "dismissed"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/info", (CaseCountsCache cache, WorkbenchOptions options) =>
        {
            var counts = cache.Counts;
            return Results.Ok(new
            {
                casePath = NetworkAnalysis.Storage.CaseStore.NameOf(options.CasePath), analyst = options.Analyst, readOnly = options.ReadOnly,
                maxGraphAds = options.MaxGraphAds, cytoscape = WorkbenchHost.HasCytoscape,
                counts = new { ads = counts.Ads, entities = counts.Entities, clusters = counts.Clusters, sources = counts.Sources },
                statuses = Statuses,
                palette = PaletteEndpoints.Palette,
            });
        });

        app.MapGet("/api/search", (string? q, int? limit, CaseStorePool pool, WorkbenchOptions options) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Results.Ok(Array.Empty<object>());
            }

            using var lease = pool.Rent();
            var hits = lease.Store.Search(q, Math.Clamp(limit ?? 20, 1, 100), options.DefaultCountry);
            Audit.Record(lease.Store, options, "search", q.Length > 200 ? q[..200] : q);
            return Results.Ok(hits);
        });
    }
}
