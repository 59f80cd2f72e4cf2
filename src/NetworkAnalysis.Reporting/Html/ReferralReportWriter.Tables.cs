using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Html;

public static partial class ReferralReportWriter
{
    private static void Identifiers(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        var show = options.ShowIdentifiers && !options.Redact;
        var adsByKey = model.Graph.Ads.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var perEntity = model.Graph.Links.Where(l => l.Kind == ReportLinkKind.Mentions)
            .GroupBy(l => l.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Source).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        sb.Append("<section id=\"identifiers\"><h2>Identifiers</h2>");
        if (!show)
        {
            sb.Append("<p class=\"note\">Values are masked. Re-run with <code>--show-identifiers</code> for a copy that shows them in full.</p>");
        }

        sb.Append("<table><thead><tr><th>Type</th><th>Value</th><th>Phone region / type</th><th>Ads</th><th>First seen</th><th>Last seen</th><th>Hub</th></tr></thead><tbody>");
        var rows = model.Graph.Entities
            .Select(e => (Entity: e, Ads: perEntity.TryGetValue(e.Id, out var keys) ? keys : []))
            .OrderBy(r => r.Entity.IsHub).ThenByDescending(r => r.Ads.Count).ThenBy(r => r.Entity.Type, StringComparer.Ordinal).ThenBy(r => r.Entity.Value, StringComparer.Ordinal);
        foreach (var (entity, keys) in rows)
        {
            var dates = keys.Select(k => adsByKey.TryGetValue(k, out var a) ? a.PostedAt : null).Where(d => d is not null).Select(d => d!.Value).ToList();
            sb.Append("<tr><td>").Append(Markup.Escape(entity.Type)).Append("</td><td class=\"mono\">")
                .Append(Markup.Escape(IdentifierMasker.MaskUnless(entity.Value, show))).Append("</td><td>")
                .Append(Markup.Escape(options.Redact ? "" : PhoneRegion(entity))).Append("</td><td class=\"num\">").Append(Num.I(keys.Count))
                .Append("</td><td>").Append(dates.Count == 0 ? "" : dates.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(dates.Count == 0 ? "" : dates.Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(entity.IsHub ? "hub" : "").Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    /// <summary>"Nevada (US), fixed line or mobile" for a phone (libphonenumber's offline geocoder and type, as the case stores
    /// them); empty otherwise.</summary>
    private static string PhoneRegion(ReportEntity entity)
    {
        if (entity.Phone is not { } d)
        {
            return "";
        }

        var place = d.Location.Length == 0 ? d.Region : d.Location == d.Region ? d.Location : $"{d.Location} ({d.Region})";
        return (place.Length == 0 ? "region unknown" : place) + ", " + d.Type;
    }

    /// <summary>One line on the referral's sign-off: signed as it stands, changed since (a new version needs a new sign-off), or never signed.</summary>
    public static string ReviewLine(Storage.ReferralSignOffState? state) => state?.Latest switch
    {
        null => "not signed off by a reviewer",
        { } latest when state.ChangedSinceSignOff => string.Create(CultureInfo.InvariantCulture,
            $"changed since version {latest.Version} was signed off by {latest.Who} on {latest.At}: this content is not signed off (sha256 {state.CurrentSha256})"),
        { } latest => string.Create(CultureInfo.InvariantCulture,
            $"signed off as it stands: version {latest.Version} by {latest.Who} on {latest.At} (sha256 {latest.ContentSha256})"),
    };

    private static void Custody(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        sb.Append("<section id=\"custody\"><h2>Chain of custody</h2>");
        sb.Append("<table><tbody>");
        Row(sb, "Tool", "NetworkAnalysis " + model.ToolVersion);
        Row(sb, "Run time", model.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
        Row(sb, "Analyst", model.Analyst ?? "");
        var stored = model.Graph.Entities.Select(e => e.Phone?.Metadata).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Row(sb, "Phone metadata", "libphonenumber-csharp " + (stored.Count == 0 ? PhoneNumberDetails.MetadataVersion : string.Join(", ", stored))
            + " (validity, region and type of phone numbers)");
        if (model.SignOff is { } signOff)
        {
            // Only when the host read it: a model built without the case's sign-offs claims nothing either way.
            Row(sb, "Review", ReviewLine(signOff));
        }

        Row(sb, "Display", $"identifiers {(options.ShowIdentifiers && !options.Redact ? "shown" : "masked")}, photos {(options.Redact ? "removed" : options.ShowImages ? "shown" : "blurred")}");
        sb.Append("</tbody></table>");
        if (!string.IsNullOrWhiteSpace(model.Notes))
        {
            sb.Append("<h3>Analyst notes</h3><div class=\"notes\">").Append(Markup.Escape(model.Notes)).Append("</div>");
        }

        sb.Append("<h3>Source files</h3><table><thead><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr></thead><tbody>");
        foreach (var s in model.Sources)
        {
            sb.Append("<tr><td class=\"mono\">").Append(Markup.Escape(s.Path)).Append("</td><td class=\"num\">").Append(Num.I(s.Bytes))
                .Append("</td><td class=\"mono\">").Append(Markup.Escape(s.Sha256)).Append("</td></tr>");
        }

        sb.Append("</tbody></table><h3>Parameters</h3><table><tbody>");
        foreach (var (name, value) in model.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Row(sb, name, value);
        }

        sb.Append("</tbody></table><p class=\"note\">The SHA-256 of this file and of every exported file is listed in <code>manifest.json</code> beside it.</p></section>");
    }

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(Markup.Escape(name)).Append("</th><td>").Append(Markup.Escape(value)).Append("</td></tr>");
}
