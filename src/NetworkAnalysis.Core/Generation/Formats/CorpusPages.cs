using System.Globalization;
using System.Net;
using System.Text;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Generation.Formats;

/// <summary>The synthetic world as ad pages: two site layouts (sitea.example modern, siteb.example Backpage-like), hosted photo
/// URLs, and re-crawls that change an ad's text, phone or photos (always to ones its own poster group uses).</summary>
public static class CorpusPages
{
    /// <summary>One capture of an ad page.</summary>
    /// <param name="Ad">The ad as captured.</param>
    /// <param name="Url">The page URL.</param>
    /// <param name="CapturedAt">When it was captured.</param>
    /// <param name="Html">The page.</param>
    /// <param name="Photos">Canonical-form-free photo URLs on the page with the sha256 they stand for.</param>
    public sealed record Capture(Ad Ad, string Url, DateTimeOffset CapturedAt, string Html, IReadOnlyList<(string Url, string Sha256)> Photos);

    /// <summary>The page URL of an ad.</summary>
    public static string PageUrl(Ad ad) => $"https://{ad.Site}/{(ad.Site == "siteb.example" ? "escorts/" + Slug(ad.City) + "/" : "ad/")}{Uri.EscapeDataString(ad.Id)}";

    /// <summary>The hosted URL of a photo (by its sha256), as the site embeds it: with size suffix and tracking or resizing parameters.</summary>
    /// <remarks>Both sites embed photos from one shared image host (as many ad sites did), each with its own size and tracking decoration.</remarks>
    public static string PhotoUrl(string site, string sha256) => site == "siteb.example"
        ? $"https://photos.example.net/i/{sha256[..24]}.jpg?w=800&q=75"
        : $"https://PHOTOS.example.net/i/{sha256[..24]}_640x480.jpg?src=feed&utm_source=list";

    /// <summary>Every capture of the corpus: each ad once, then about <paramref name="recrawlRate"/> of them again later,
    /// half with content changed (another ad's text or photos from the same poster group), half identical.</summary>
    public static IEnumerable<Capture> Captures(IReadOnlyList<GeneratedAd> corpus, int seed, double recrawlRate = 0.1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var random = new Random(seed ^ 0x5eed);
        var byGroup = corpus.GroupBy(g => g.GroupId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var g in corpus)
        {
            yield return Snap(g.Ad, (g.Ad.PostedAt ?? DateTimeOffset.UnixEpoch).AddHours(1));
        }

        foreach (var g in corpus)
        {
            if (random.NextDouble() >= recrawlRate)
            {
                continue;
            }

            var when = (g.Ad.PostedAt ?? DateTimeOffset.UnixEpoch).AddDays(3);
            var siblings = byGroup[g.GroupId].Where(o => o.Ad.Id != g.Ad.Id).ToList();
            var kind = random.Next(4);
            var ad = g.Ad;
            if (siblings.Count > 0 && kind == 0)
            {
                // Text and phone change: the poster re-used another of its ads' text.
                ad = ad with { Body = siblings[random.Next(siblings.Count)].Ad.Body };
            }
            else if (siblings.Count > 0 && kind == 1)
            {
                ad = ad with { ImageHashes = siblings[random.Next(siblings.Count)].Ad.ImageHashes };
            }
            else if (kind == 2)
            {
                ad = ad with { Title = ad.Title + " - updated" };
            }

            yield return Snap(ad, when);
        }
    }

    private static Capture Snap(Ad ad, DateTimeOffset at)
    {
        var photos = ad.ImageHashes.Where(h => h.StartsWith("sha256:", StringComparison.Ordinal))
            .Select(h => (PhotoUrl(ad.Site, h[7..]), h[7..])).ToList();
        return new Capture(ad, PageUrl(ad), at, Render(ad, photos.Select(p => p.Item1).ToList()), photos);
    }

    /// <summary>The page of an ad in its site's layout.</summary>
    public static string Render(Ad ad, IReadOnlyList<string> photoUrls)
    {
        ArgumentNullException.ThrowIfNull(ad);
        ArgumentNullException.ThrowIfNull(photoUrls);
        var e = (string? s) => WebUtility.HtmlEncode(s ?? "");
        // sitea's bodies are HTML (<p>, <br>) and are served as such; siteb's are plain text and are escaped.
        var body = ad.Body ?? "";
        var sb = new StringBuilder();
        if (ad.Site == "siteb.example")
        {
            sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(e(ad.Title)).Append(" - ").Append(e(ad.City)).Append(" escorts - siteb.example</title></head>\n<body class=\"siteb\">\n");
            sb.Append("<div id=\"postingTitle\"><a href=\"").Append(e(PageUrl(ad))).Append("\"><h1>").Append(e(ad.Title)).Append("</h1></a></div>\n");
            if (ad.PostedAt is { } posted)
            {
                sb.Append("<div class=\"adInfo\">Posted: <span class=\"postedDate\">").Append(posted.ToString("dddd, MMMM d, yyyy h:mm:ss tt", CultureInfo.InvariantCulture)).Append("</span></div>\n");
            }

            sb.Append("<div class=\"postingBody\">\n").Append(e(body)).Append("\n</div>\n");
            if (ad.Age is { } age)
            {
                sb.Append("<p class=\"metaInfoDisplay\">Poster's age: ").Append(age.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
            }

            if (ad.Price is { } price)
            {
                sb.Append("<p class=\"metaInfoDisplay rate\">Rate: $").Append(price.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
            }

            if (ad.Poster is not null)
            {
                sb.Append("<p class=\"metaInfoDisplay member\">Member: ").Append(e(ad.Poster)).Append("</p>\n");
            }

            sb.Append("<div class=\"posting-location\" style=\"padding-left:2em;\">&bull; Location: <span class=\"city\">").Append(e(ad.City))
                .Append("</span>, <span class=\"region\">").Append(e(ad.Region)).Append("</span> <span class=\"country\">").Append(e(ad.Country)).Append("</span></div>\n");
            sb.Append("<ul id=\"viewAdPhotoLayout\">\n");
            foreach (var url in photoUrls)
            {
                sb.Append("<li><a href=\"").Append(e(url)).Append("\"><img src=\"").Append(e(url)).Append("\" alt=\"\"></a></li>\n");
            }

            sb.Append("</ul>\n<div class=\"adInfo postId\">Post ID: ").Append(e(ad.Id)).Append(' ').Append(e(Slug(ad.City))).Append("</div>\n</body></html>\n");
            return sb.ToString();
        }

        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(e(ad.Title)).Append(" | sitea.example</title></head>\n<body>\n");
        sb.Append("<header><a href=\"/\">sitea.example</a> &gt; ").Append(e(ad.City)).Append("</header>\n");
        sb.Append("<article class=\"ad\" data-ad-id=\"").Append(e(ad.Id)).Append("\">\n<h1 class=\"ad-title\">").Append(e(ad.Title)).Append("</h1>\n<ul class=\"ad-meta\">\n");
        if (ad.PostedAt is { } p)
        {
            sb.Append("<li class=\"posted\"><time datetime=\"").Append(p.ToString("yyyy-MM-dd'T'HH:mm:ssZ", CultureInfo.InvariantCulture)).Append("\">")
                .Append(p.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append("</time></li>\n");
        }

        sb.Append("<li class=\"location\"><span class=\"city\">").Append(e(ad.City)).Append("</span>, <span class=\"region\">").Append(e(ad.Region))
            .Append("</span> <span class=\"country\">").Append(e(ad.Country)).Append("</span></li>\n");
        if (ad.Age is { } a)
        {
            sb.Append("<li class=\"age\">Age: <span>").Append(a.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
        }

        if (ad.Price is { } pr)
        {
            sb.Append("<li class=\"price\">Rate: <span>$").Append(pr.ToString(CultureInfo.InvariantCulture)).Append("</span></li>\n");
        }

        if (ad.Poster is not null)
        {
            sb.Append("<li class=\"poster\">Posted by <a class=\"user\" href=\"/u/").Append(e(ad.Poster)).Append("\">").Append(e(ad.Poster)).Append("</a></li>\n");
        }

        sb.Append("</ul>\n<div class=\"ad-body\">").Append(body).Append("</div>\n<div class=\"gallery\">\n");
        foreach (var url in photoUrls)
        {
            sb.Append("<img src=\"").Append(e(url)).Append("\" alt=\"photo\">\n");
        }

        sb.Append("</div>\n</article>\n<footer>Do not reply to spam.</footer>\n</body></html>\n");
        return sb.ToString();
    }

    /// <summary>A small PNG standing for the photo with this sha256 (its pixels drawn from the digest): the same photo, the same bytes.</summary>
    public static byte[] PhotoBytes(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var seed = Convert.FromHexString(sha256[..16]);
        var random = new Random(BitConverter.ToInt32(seed, 0) ^ BitConverter.ToInt32(seed, 4));
        var pixels = new byte[32 * 32 * 3];
        random.NextBytes(pixels);
        using var output = new MemoryStream();
        PngEncoder.Encode(new RgbImage(32, 32, pixels), output);
        return output.ToArray();
    }

    private static string Slug(string? city) => (city ?? "").ToLowerInvariant().Replace(' ', '-');
}
