using System.Globalization;
using System.Text;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>A self-contained HTML referral summary of one cluster: who reviewed it, its identifiers, its ads and its timeline.</summary>
/// <remarks>Every string from the case is escaped; the file holds no script and loads nothing.
/// TODO(#8): switch to the Reporting project's referral case file once it is merged.</remarks>
internal static class ReferralReport
{
    public static string Write(ClusterSummary cluster, ClusterAnnotations notes, GraphFragment graph, IReadOnlyList<AdDetail> ads,
        string timelineSvg, string analyst, string generatedAt)
    {
        var inv = CultureInfo.InvariantCulture;
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        h.Append("<title>Referral: cluster ").Append(Xml.Escape(cluster.Id)).Append("</title>");
        h.Append("<style>body{font:14px/1.4 sans-serif;margin:2em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:6px}</style></head><body>");
        h.Append("<h1>Referral: cluster ").Append(Xml.Escape(cluster.Id)).Append("</h1>");
        h.Append(inv, $"<p>{cluster.Size} ads, {cluster.Phones} phones, {cluster.Emails} e-mails, {cluster.Entities} identifiers; active {Xml.Escape(cluster.FirstSeen ?? "?")} to {Xml.Escape(cluster.LastSeen ?? "?")}; cities: {Xml.Escape(string.Join(", ", cluster.Cities.Take(20)))}.</p>");
        h.Append("<p>Status: <b>").Append(Xml.Escape(notes.Status.ToString().ToLowerInvariant())).Append("</b>");
        if (notes.StatusBy is not null)
        {
            h.Append(" (set by ").Append(Xml.Escape(notes.StatusBy)).Append(' ').Append(Xml.Escape(notes.StatusAt)).Append(')');
        }

        h.Append(". Tags: ").Append(Xml.Escape(string.Join(", ", notes.Tags))).Append(". Prepared by ").Append(Xml.Escape(analyst))
            .Append(" at ").Append(Xml.Escape(generatedAt)).Append(".</p>");
        h.Append("<h2>Notes</h2><ul>");
        foreach (var n in notes.Notes)
        {
            h.Append("<li>").Append(Xml.Escape(n.Text)).Append(" <i>(").Append(Xml.Escape(n.Who)).Append(", ").Append(Xml.Escape(n.At)).Append(")</i></li>");
        }

        h.Append("</ul><h2>Timeline</h2>").Append(timelineSvg);
        h.Append("<h2>Identifiers</h2><table><tr><th>type</th><th>value</th><th>ads (whole case)</th><th>clusters</th></tr>");
        foreach (var e in graph.Entities)
        {
            h.Append(inv, $"<tr><td>{Xml.Escape(e.Type)}</td><td>{Xml.Escape(e.Value)}</td><td>{e.Ads}</td><td>{e.Clusters}</td></tr>");
        }

        h.Append(inv, $"</table><h2>Ads ({ads.Count} of {cluster.Size})</h2>");
        foreach (var ad in ads)
        {
            h.Append("<h3>").Append(Xml.Escape(ad.Key)).Append("</h3><p>").Append(Xml.Escape(ad.PostedAt ?? "undated")).Append(", ")
                .Append(Xml.Escape(ad.City ?? "no city")).Append("; source ").Append(Xml.Escape(ad.Source.Path)).Append(" line ")
                .Append(ad.Source.Line.ToString(inv)).Append(", SHA-256 ").Append(Xml.Escape(ad.Source.Sha256)).Append("</p><pre>")
                .Append(Xml.Escape(ad.Text)).Append("</pre>");
        }

        return h.Append("</body></html>").ToString();
    }
}
