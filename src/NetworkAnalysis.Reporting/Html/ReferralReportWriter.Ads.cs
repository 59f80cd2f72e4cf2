using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Imaging;
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
        var masked = !(options.ShowIdentifiers && !options.Redact);
        var needles = masked ? AdTextDisplay.Needles(model.Graph) : null;
        sb.Append("<section id=\"ads\"><h2>Ads</h2><p class=\"note\">Identifiers found in the text are highlighted");
        sb.Append(masked ? " and masked" : "").Append("; markup in the ads is shown as its text (the raw rows are in the case file). Photos are ");
        sb.Append(options.Redact ? "left out of this redacted copy" : options.ShowImages ? "shown as posted" : "blurred thumbnails made when the file was written (no sharp copy is in it); re-run with <code>--show-images</code> to see them");
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
            AppendHighlighted(sb, ad.Text, mentionsByAd.TryGetValue(ad.Key, out var ms) ? ms : [], entities, options, needles);
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

    /// <summary>Appends the ad text for display: markup reduced to its text, mention spans wrapped in <c>&lt;mark&gt;</c>, and,
    /// unless identifiers are shown, every mention and every further occurrence of <paramref name="needles"/> masked.</summary>
    /// <remarks>Overlapping or invalid spans are skipped. The text is cut after <see cref="ReferralReportOptions.MaxExcerptChars"/>
    /// at a word boundary.</remarks>
    internal static void AppendHighlighted(StringBuilder sb, string text, IReadOnlyList<ReportMention> mentions, IReadOnlyDictionary<string, ReportEntity> entities,
        ReferralReportOptions options, IReadOnlyList<string>? needles = null)
    {
        var mask = !(options.ShowIdentifiers && !options.Redact);
        var limit = Math.Min(text.Length, Math.Max(0, options.MaxExcerptChars));
        if (limit < text.Length)
        {
            // Cut at the last space before the limit (unless that throws away more than a fifth), never inside a pair.
            var space = text.LastIndexOfAny([' ', '\n', '\t'], Math.Max(0, limit - 1));
            if (space > limit * 4 / 5)
            {
                limit = space;
            }

            if (limit > 0 && char.IsHighSurrogate(text[limit - 1]))
            {
                limit--;
            }
        }

        var hidden = AdTextDisplay.HiddenMarkup(text);
        var pos = 0;
        foreach (var (start, end, entityId) in AdTextDisplay.Spans(text, mentions, mask ? needles ?? [] : null))
        {
            if (end > limit)
            {
                // An identifier cut by the limit is left out whole, never shown in part.
                limit = Math.Min(limit, start);
                break;
            }

            AdTextDisplay.AppendDisplay(sb, text, pos, start, hidden);
            ReportEntity? entity = null;
            if (entityId is not null)
            {
                entities.TryGetValue(entityId, out entity);
            }

            sb.Append("<mark class=\"").Append(entity is { Links: false } ? "hub" : "id").Append("\" title=\"")
                .Append(Markup.Escape(entity is null ? "identifier" : entity.Type)).Append("\">");
            if (mask)
            {
                // Masked as it reads (keycaps as digits), so no half keycap or markup is left around the mask.
                Markup.Append(sb, IdentifierMasker.Mask(AdTextDisplay.PlainText(text[start..end])));
            }
            else
            {
                AdTextDisplay.AppendDisplay(sb, text, start, end, null);
            }

            sb.Append("</mark>");
            pos = end;
        }

        AdTextDisplay.AppendDisplay(sb, text, pos, limit, hidden);
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
            AppendPhoto(sb, image, options, ThumbnailSide);

            sb.Append("<figcaption>").Append(Markup.Escape(image.Name));
            if (!string.IsNullOrEmpty(image.Sha256))
            {
                // The photo's SHA-256 is an identifier (image entity): masked unless identifiers are shown.
                var hash = options.ShowIdentifiers && !options.Redact ? (image.Sha256.Length > 16 ? image.Sha256[..16] + "…" : image.Sha256) : IdentifierMasker.Mask(image.Sha256);
                sb.Append("<br><span class=\"mono\">sha256 ").Append(Markup.Escape(hash)).Append("</span>");
            }

            sb.Append("</figcaption></figure>");
        }

        sb.Append("</div>");
    }

    /// <summary>Longest side of the blurred thumbnails in the ads and the contact sheet, in pixels.</summary>
    internal const int ThumbnailSide = 140;

    /// <summary>One photo: the posted bytes when photos are shown, otherwise a blurred thumbnail made here, so a file
    /// written without <c>--show-images</c> holds no sharp copy (a CSS blur would leave one for any reader to lift).</summary>
    private static void AppendPhoto(StringBuilder sb, ReportImage image, ReferralReportOptions options, int side)
    {
        if (image.Bytes is not { Length: > 0 } bytes || image.ContentType is not { } type || !EmbeddableImageTypes.Contains(type))
        {
            sb.Append("<div class=\"placeholder\">no image data</div>");
            return;
        }

        if (options.ShowImages)
        {
            sb.Append("<div class=\"frame\"><img alt=\"photo\" class=\"sharp\" src=\"data:").Append(type.ToLowerInvariant())
                .Append(";base64,").Append(Convert.ToBase64String(bytes)).Append("\"></div>");
            return;
        }

        var (png, error) = Thumbnails.Make(bytes, side, blurred: true);
        if (png is null)
        {
            sb.Append("<div class=\"placeholder\">photo could not be read: ").Append(Markup.Escape(error?.Message ?? "unknown")).Append("</div>");
            return;
        }

        sb.Append("<div class=\"frame\"><img alt=\"photo, blurred\" class=\"blurred\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(png)).Append("\"></div>");
    }

    /// <summary>The cluster's distinct photos on one sheet, most reposted first, each with the number of ads that carry it.</summary>
    private static void ContactSheet(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        var photos = model.Graph.Ads
            .SelectMany(a => a.Images.Select(i => (Ad: a.Key, Image: i)))
            .GroupBy(p => string.IsNullOrEmpty(p.Image.Sha256) ? "name:" + p.Image.Name : p.Image.Sha256, StringComparer.Ordinal)
            .Select(g => (g.First().Image, Ads: g.Select(p => p.Ad).Distinct(StringComparer.Ordinal).Count(), Key: g.Key))
            .OrderByDescending(p => p.Ads).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        if (photos.Count == 0)
        {
            return;
        }

        sb.Append("<section id=\"photos\"><h2>Contact sheet</h2><p class=\"note\">").Append(Num.I(photos.Count))
            .Append(" distinct photo(s) in this cluster's ads, the most reposted first");
        if (options.Redact)
        {
            sb.Append("; the photos themselves are left out of this redacted copy.</p></section>");
            return;
        }

        sb.Append(options.ShowImages ? "." : ", as blurred thumbnails.").Append("</p><div class=\"photos\">");
        foreach (var (image, ads, _) in photos)
        {
            sb.Append("<figure>");
            AppendPhoto(sb, image, options, ThumbnailSide);
            sb.Append("<figcaption>").Append(Num.I(ads)).Append(ads == 1 ? " ad" : " ads").Append("</figcaption></figure>");
        }

        sb.Append("</div></section>");
    }
}
