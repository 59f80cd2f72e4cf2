using System.Globalization;
using System.Text;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Html;

public static partial class ReferralReportWriter
{
    private static readonly HashSet<string> EmbeddableImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp",
    };

    private static void Ads(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        var entities = model.Graph.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var mentionsByAd = model.Graph.Mentions.GroupBy(m => m.AdKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var ordered = model.Graph.Ads.OrderBy(a => a.PostedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        sb.Append("<section id=\"ads\"><h2>Ads</h2><p class=\"note\">Identifiers found in the text are highlighted");
        sb.Append(options.Redact ? " and masked" : "").Append(". Photos are ");
        sb.Append(options.Redact ? "left out of this redacted copy" : options.ShowImages ? "shown as posted" : "blurred; re-run with <code>--show-images</code> to see them");
        sb.Append(".</p>");
        foreach (var ad in ordered.Take(Math.Max(0, options.MaxAds)))
        {
            sb.Append("<article class=\"ad\"><div class=\"meta\"><b>").Append(Markup.Escape(ad.Key)).Append("</b>");
            if (ad.PostedAt is { } t)
            {
                sb.Append(" · ").Append(Markup.Escape(t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)));
            }

            if (!string.IsNullOrWhiteSpace(ad.City))
            {
                sb.Append(" · ").Append(Markup.Escape(ad.City));
            }

            sb.Append("</div><pre>");
            AppendHighlighted(sb, ad.Text, mentionsByAd.TryGetValue(ad.Key, out var ms) ? ms : [], entities, options);
            sb.Append("</pre>");
            Photos(sb, ad, options);
            sb.Append("</article>");
        }

        if (ordered.Count > options.MaxAds)
        {
            sb.Append("<p class=\"note\">").Append(Num.I(ordered.Count - options.MaxAds)).Append(" more ads are in <code>ads.csv</code>.</p>");
        }

        sb.Append("</section>");
    }

    /// <summary>Appends the ad text with mention spans wrapped in <c>&lt;mark&gt;</c>; overlapping or invalid spans are skipped.</summary>
    internal static void AppendHighlighted(StringBuilder sb, string text, IReadOnlyList<ReportMention> mentions, IReadOnlyDictionary<string, ReportEntity> entities, ReferralReportOptions options)
    {
        var limit = Math.Min(text.Length, Math.Max(0, options.MaxExcerptChars));
        if (limit < text.Length && limit > 0 && char.IsHighSurrogate(text[limit - 1]))
        {
            limit--;
        }

        var pos = 0;
        foreach (var m in mentions.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (m.Start < pos || m.End > limit || m.Start >= m.End || m.Start < 0
                || char.IsLowSurrogate(text[m.Start]) || (m.End < text.Length && char.IsLowSurrogate(text[m.End])))
            {
                continue;
            }

            Markup.Append(sb, text.AsSpan(pos, m.Start - pos));
            entities.TryGetValue(m.EntityId, out var entity);
            var raw = text[m.Start..m.End];
            sb.Append("<mark class=\"").Append(entity is { Links: false } ? "hub" : "id").Append("\" title=\"")
                .Append(Markup.Escape(entity is null ? "" : entity.Type)).Append("\">");
            Markup.Append(sb, options.Redact ? IdentifierMasker.Mask(raw) : raw);
            sb.Append("</mark>");
            pos = m.End;
        }

        Markup.Append(sb, text.AsSpan(pos, limit - pos));
        if (limit < text.Length)
        {
            sb.Append(" […]");
        }
    }

    private static void Photos(StringBuilder sb, ReportAd ad, ReferralReportOptions options)
    {
        if (ad.Images.Count == 0 || options.Redact)
        {
            if (ad.Images.Count > 0)
            {
                sb.Append("<p class=\"note\">").Append(Num.I(ad.Images.Count)).Append(" photo(s) removed.</p>");
            }

            return;
        }

        sb.Append("<div class=\"photos\">");
        foreach (var image in ad.Images)
        {
            sb.Append("<figure>");
            if (image.Bytes is { Length: > 0 } bytes && image.ContentType is { } type && EmbeddableImageTypes.Contains(type))
            {
                sb.Append("<div class=\"frame\"><img alt=\"photo\" class=\"").Append(options.ShowImages ? "sharp" : "blur")
                    .Append("\" src=\"data:").Append(type.ToLowerInvariant()).Append(";base64,").Append(Convert.ToBase64String(bytes)).Append("\"></div>");
            }
            else
            {
                sb.Append("<div class=\"placeholder\">no image data</div>");
            }

            sb.Append("<figcaption>").Append(Markup.Escape(image.Name));
            if (!string.IsNullOrEmpty(image.Sha256))
            {
                sb.Append("<br><span class=\"mono\">sha256 ").Append(Markup.Escape(image.Sha256.Length > 16 ? image.Sha256[..16] + "…" : image.Sha256)).Append("</span>");
            }

            sb.Append("</figcaption></figure>");
        }

        sb.Append("</div>");
    }
}
