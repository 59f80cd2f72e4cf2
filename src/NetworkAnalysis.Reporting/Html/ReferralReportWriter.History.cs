using System.Text;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Reporting.Html;

public static partial class ReferralReportWriter
{
    /// <summary>"Re-crawl history": every later capture of the cluster's ads that changed content, with what changed.</summary>
    /// <remarks>Unless identifiers are shown, each change keeps only what changed and when ("phone changed on 2026-03-02"),
    /// never the values, since a version's identifiers and quoted titles carry the very strings the report masks.</remarks>
    private static void History(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        if (model.History.Count == 0)
        {
            return;
        }

        var show = options.ShowIdentifiers && !options.Redact;
        sb.Append("<section id=\"history\"><h2>Re-crawl history</h2><p class=\"note\">")
            .Append(Num.I(model.History.Count)).Append(" later capture(s) of these ads changed content; identifiers of every capture link");
        sb.Append(show ? "." : " (values masked).").Append("</p>");
        sb.Append("<table><thead><tr><th>Ad</th><th>Version</th><th>Captured</th><th>What changed</th><th>Source</th></tr></thead><tbody>");
        foreach (var h in model.History)
        {
            sb.Append("<tr><td class=\"mono\">").Append(Markup.Escape(h.AdKey)).Append("</td><td class=\"num\">").Append(Num.I(h.Version))
                .Append("</td><td>").Append(Markup.Escape(h.SeenAt ?? "–")).Append("</td><td><ul class=\"evidence\">");
            foreach (var change in h.Changes)
            {
                sb.Append("<li>").Append(Markup.Escape(AdTextDisplay.PlainText(show ? change : ChangeKind(change)))).Append("</li>");
            }

            sb.Append("</ul></td><td>").Append(Markup.Escape(Path.GetFileName(h.SourcePath))).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    /// <summary>A change without its values: the text before " from " or ": " (kind and date never contain either).</summary>
    internal static string ChangeKind(string change)
    {
        var cut = change.Length;
        foreach (var marker in (ReadOnlySpan<string>)[" from ", ": "])
        {
            var at = change.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
            }
        }

        return change[..cut];
    }
}
