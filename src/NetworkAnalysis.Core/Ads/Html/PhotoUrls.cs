using System.Text;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>Canonical photo URLs: the same photo hosted at one URL is one identifier wherever a page embeds it.</summary>
/// <remarks>
/// Scheme and host are lower-cased, the default port and the fragment dropped, tracking parameters (<c>utm_*</c>,
/// <c>fbclid</c>, <c>gclid</c> and a profile's own) removed and the rest sorted; for an image host a profile lists, the
/// size suffix in the file name and, if it says so, the whole query (resizing parameters) are removed too.
/// </remarks>
public static class PhotoUrls
{
    private static readonly string[] CommonTracking = ["fbclid", "gclid", "mc_cid", "mc_eid", "_ga", "ref", "ref_src"];

    /// <summary>The canonical form of an absolute http(s) URL, or null for anything else (data:, relative, malformed).</summary>
    public static string? Canonical(string url, IEnumerable<SiteProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        var path = uri.AbsolutePath;
        var tracking = new HashSet<string>(CommonTracking, StringComparer.OrdinalIgnoreCase);
        var dropQuery = false;
        foreach (var profile in profiles ?? [])
        {
            foreach (var p in profile.TrackingParameters)
            {
                tracking.Add(p);
            }

            foreach (var rule in profile.ImageHosts)
            {
                if (rule.Host.StartsWith('.') ? host.EndsWith(rule.Host, StringComparison.Ordinal) : host == rule.Host)
                {
                    dropQuery |= rule.DropQuery;
                    if (rule.SizeSuffix is { } suffix)
                    {
                        path = Regex.Replace(path, suffix, "", RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                }
            }
        }

        var kept = new List<string>();
        if (!dropQuery && uri.Query.Length > 1)
        {
            foreach (var pair in uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Uri.UnescapeDataString(pair.Split('=')[0]);
                if (!name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !tracking.Contains(name))
                {
                    kept.Add(pair);
                }
            }
        }

        kept.Sort(StringComparer.Ordinal);
        var result = new StringBuilder();
        result.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            result.Append(':').Append(uri.Port);
        }

        result.Append(path);
        if (kept.Count > 0)
        {
            result.Append('?').Append(string.Join('&', kept));
        }

        return result.ToString();
    }
}
