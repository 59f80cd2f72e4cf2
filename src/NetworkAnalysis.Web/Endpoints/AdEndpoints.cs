using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>One ad with its spans and provenance, and its photos (local files only; URLs are never fetched).</summary>
internal static class AdEndpoints
{
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif", [".webp"] = "image/webp",
    };

    private const string Placeholder =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"120\" viewBox=\"0 0 160 120\"><rect width=\"160\" height=\"120\" fill=\"#ddd\"/>" +
        "<text x=\"80\" y=\"64\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#666\">photo not available</text></svg>";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ads/{id:long}", (long id, CaseStorePool pool, WorkbenchOptions options) =>
        {
            using var lease = pool.Rent();
            if (lease.Store.GetAd(id) is not { } ad)
            {
                return ClusterEndpoints.NotFound("ad", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Audit.Record(lease.Store, options, "view.ad", ad.Key);
            return Results.Ok(new
            {
                ad.Id, ad.Key, ad.Site, ad.AdId, ad.ClusterId, ad.PostedAt, ad.City, ad.Region, ad.Country, ad.Poster, ad.Price, ad.Age, ad.Text,
                ad.Mentions, ad.Source,
                images = ad.Images.Select((name, i) => new { index = i, name, local = LocalImage(ad, i) is not null }),
            });
        });

        app.MapGet("/api/ads/{id:long}/images/{n:int}", (long id, int n, CaseStorePool pool) =>
        {
            using var lease = pool.Rent();
            return lease.Store.GetAd(id) is { } ad && LocalImage(ad, n) is { } path
                ? Results.File(path, ImageTypes[Path.GetExtension(path)])
                : Results.Text(Placeholder, "image/svg+xml");
        });
    }

    /// <summary>The image as a file beside the ad's input file, if it is a relative path to an image file that exists there.</summary>
    /// <remarks>URLs, absolute paths and paths leaving the input's folder are refused: the workbench never fetches or roams.</remarks>
    internal static string? LocalImage(AdDetail ad, int index)
    {
        if (index < 0 || index >= ad.Images.Count)
        {
            return null;
        }

        var name = ad.Images[index];
        if (name.Contains(':', StringComparison.Ordinal) || name.StartsWith('/') || name.StartsWith('\\')
            || !ImageTypes.ContainsKey(Path.GetExtension(name)) || Path.GetDirectoryName(ad.Source.Path) is not { Length: > 0 } folder)
        {
            return null;
        }

        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, name));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }
}
