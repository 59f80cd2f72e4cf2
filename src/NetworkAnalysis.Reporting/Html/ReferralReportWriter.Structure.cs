using System.Text;
using NetworkAnalysis.Core.Graphs.Structure;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Html;

public static partial class ReferralReportWriter
{
    private const int StructureRows = 10;

    /// <summary>"What holds it together": the identifiers, ads and links whose removal would split the cluster.</summary>
    private static void Structure(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        if (model.Structure is not { } s)
        {
            return;
        }

        var show = options.ShowIdentifiers && !options.Redact;
        sb.Append("<section id=\"structure\"><h2>What holds it together</h2><p class=\"note\">")
            .Append(Num.I(s.Ads)).Append(" ads, ").Append(Num.I(s.Identifiers)).Append(" linking identifiers, ").Append(Num.I(s.Edges))
            .Append(" links, ").Append(Num.I(s.Components)).Append(" piece(s). An identifier or ad listed here is an articulation point, a link a bridge: removing it cuts the ads shown off the rest.</p>");
        if (s.ArticulationPoints.Count == 0 && s.Bridges.Count == 0)
        {
            sb.Append("<p>No single identifier, ad or link holds the cluster together.</p></section>");
            return;
        }

        sb.Append("<table><thead><tr><th>Holds together</th><th>Ads cut off</th></tr></thead><tbody>");
        foreach (var p in s.ArticulationPoints.Take(StructureRows))
        {
            sb.Append("<tr><td class=\"mono\">").Append(Markup.Escape(Label(p.Node, show))).Append("</td><td class=\"num\">").Append(Num.I(p.AdsCutOff)).Append("</td></tr>");
        }

        foreach (var b in s.Bridges.Take(StructureRows))
        {
            var link = b.Edge.IsWeak ? b.Edge.ToString() : $"ad {b.Edge.Source.Label} mentions {Label(b.Edge.Target, show)}";
            sb.Append("<tr><td class=\"mono\">link: ").Append(Markup.Escape(link)).Append("</td><td class=\"num\">").Append(Num.I(b.AdsCutOff)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    private static string Label(ClusterNode node, bool show)
    {
        if (node.IsAd)
        {
            return "ad " + node.Label;
        }

        var colon = node.Label.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? IdentifierMasker.MaskUnless(node.Label, show) : node.Label[..(colon + 1)] + IdentifierMasker.MaskUnless(node.Label[(colon + 1)..], show);
    }
}
