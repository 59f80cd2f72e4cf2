using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>One ad with its spans, provenance and re-crawl history, and its photos (local files only; URLs are never fetched).</summary>
internal static class AdEndpoints
{
    private const long MaxImageBytes = 32L << 20;

    private const string Placeholder =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"120\" viewBox=\"0 0 160 120\"><rect width=\"160\" height=\"120\" fill=\"#ddd\"/>" +
        "<text x=\"80\" y=\"64\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#666\">photo not available</text></svg>";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ads/{id:long}", (long id, HttpContext http, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetAd(id) is not { } ad)
            {
                return ClusterEndpoints.NotFound("ad", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Audit.Record(lease.Store, options, http, "view.ad", ad.Key);
            return Results.Ok(new
            {
                ad.Id, ad.Key, ad.Site, ad.AdId, ad.ClusterId, ad.PostedAt, ad.City, ad.Region, ad.Country, ad.Poster, ad.Price, ad.Age, ad.Text,
                ad.Mentions, ad.Source,
                images = ad.Images.Select((name, i) => new { index = i, name, local = LocalImagePath(ad, i) is not null }),
                // Re-crawls that changed the ad, with what changed ("phone changed on 2026-03-02 from ... to ..."); rendered as text.
                history = lease.Store.AdHistory(null, ad.Key).Select(h => new { h.Version, h.SeenAt, source = Path.GetFileName(h.SourcePath), h.Changes }),
            });
        });

        app.MapGet("/api/ads/{id:long}/images/{n:int}", (long id, int n, CaseStorePool pool) =>
        {
            AdDetail? ad;
            using (var lease = pool.Rent())
            {
                ad = lease.Store.GetAd(id);
            }

            return ad is not null && LocalImage(ad, n) is { } image
                ? Results.Bytes(image.Bytes, image.ContentType)
                : Results.Text(Placeholder, "image/svg+xml");
        });
    }

    /// <summary>The image's bytes and type by the rule of <see cref="LocalImageFile"/> (real path inside the input's folder,
    /// bytes that decode as an image), which the referral report applies too.</summary>
    internal static (byte[] Bytes, string ContentType)? LocalImage(AdDetail ad, int index) =>
        index >= 0 && index < ad.Images.Count ? LocalImageFile.Read(ad.Source.Path, ad.Images[index], MaxImageBytes) : null;

    /// <summary>The image's file by the rule of <see cref="LocalImageFile.Path"/>; the workbench never fetches or roams.</summary>
    internal static string? LocalImagePath(AdDetail ad, int index) =>
        index >= 0 && index < ad.Images.Count ? LocalImageFile.Path(ad.Source.Path, ad.Images[index]) : null;
}
