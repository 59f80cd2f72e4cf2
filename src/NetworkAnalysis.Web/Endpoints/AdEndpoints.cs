using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>One ad with its spans, provenance and re-crawl history, and its photos (local files only; URLs are never fetched).</summary>
internal static class AdEndpoints
{
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif", [".webp"] = "image/webp",
    };

    private const long MaxImageBytes = 32L << 20;

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

    /// <summary>The image's bytes and type, when its file passes <see cref="LocalImagePath"/> and its bytes decode as an image.</summary>
    /// <remarks>The type comes from the decoded bytes, never the name: a text file named <c>.png</c> is not sent.</remarks>
    internal static (byte[] Bytes, string ContentType)? LocalImage(AdDetail ad, int index)
    {
        if (LocalImagePath(ad, index) is not { } path)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length is 0 or > MaxImageBytes)
            {
                return null;
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return ImageCodec.Decode(bytes) is { Success: true, Format: { } format }
            ? (bytes, format switch
            {
                ImageFormat.Png => "image/png",
                ImageFormat.WebP => "image/webp",
                ImageFormat.Gif => "image/gif",
                _ => "image/jpeg",
            })
            : null;
    }

    /// <summary>The image's file beside the ad's input file: a relative path to an image name that exists there.</summary>
    /// <remarks>
    /// URLs, absolute paths, paths leaving the input's folder and symbolic links that lead out of it are refused, by
    /// the rule ingest applies (<see cref="ImagePathResolver"/>: containment checked on the real path); the workbench
    /// never fetches or roams.
    /// </remarks>
    internal static string? LocalImagePath(AdDetail ad, int index)
    {
        if (index < 0 || index >= ad.Images.Count)
        {
            return null;
        }

        var name = ad.Images[index];
        if (!ImageTypes.ContainsKey(Path.GetExtension(name)) || Path.GetDirectoryName(ad.Source.Path) is not { Length: > 0 })
        {
            return null;
        }

        return new ImagePathResolver(ad.Source.Path).Resolve(name) is { Success: true } resolved && File.Exists(resolved.FullPath) ? resolved.FullPath : null;
    }
}
