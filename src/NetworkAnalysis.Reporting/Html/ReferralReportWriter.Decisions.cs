using System.Text;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Html;

public static partial class ReferralReportWriter
{
    /// <summary>"Analyst decisions": the corrections that shaped this cluster (who, when, why), part of its provenance.</summary>
    /// <remarks>Unless identifiers are shown, a hub decision names only the identifier's type.</remarks>
    private static void Decisions(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        if (model.Decisions.Count == 0)
        {
            return;
        }

        var show = options.ShowIdentifiers && !options.Redact;
        sb.Append("<section id=\"decisions\"><h2>Analyst decisions</h2><p class=\"note\">")
            .Append(Num.I(model.Decisions.Count)).Append(" standing decision(s) by analysts override the automatic clustering here; every analysis honours them.</p>");
        sb.Append("<table><thead><tr><th>#</th><th>Decision</th><th>By</th><th>On</th><th>Why</th><th>Made on run</th></tr></thead><tbody>");
        foreach (var d in model.Decisions)
        {
            var subject = d.Identifier is { } id && !show ? d.KindName + " " + id[..(id.IndexOf(':', StringComparison.Ordinal) + 1)] + "…" : d.Subject;
            sb.Append("<tr><td class=\"num\">").Append(Num.I(checked((int)d.Id))).Append("</td><td class=\"mono\">").Append(Markup.Escape(subject))
                .Append("</td><td>").Append(Markup.Escape(d.Who)).Append("</td><td>").Append(Markup.Escape(d.Date))
                .Append("</td><td>").Append(Markup.Escape(d.Why)).Append("</td><td class=\"num\">")
                .Append(d.RunId is { } run ? Num.I(checked((int)run)) : "–").Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }
}
