using System.Globalization;
using System.Text;
using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Html;

/// <summary>Writes a referral case file: one self-contained HTML page (inline CSS and SVG, no scripts, no external requests).</summary>
/// <remarks>
/// Every string from the model is escaped; a Content-Security-Policy forbids scripts and any fetch except inline
/// <c>data:</c> images, so even a missed escape could not load or run anything.
/// </remarks>
public static partial class ReferralReportWriter
{
    /// <summary>The Content-Security-Policy of the page.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    /// <summary>Renders the case file as an HTML string.</summary>
    public static string Render(ClusterReportModel model, ReferralReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new ReferralReportOptions();
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Markup.Escape(ContentSecurityPolicy)).Append("\">");
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\">");
        sb.Append("<title>Referral case file – cluster ").Append(Markup.Escape(model.ClusterId)).Append("</title>");
        sb.Append("<style>").Append(HtmlStyles.Css).Append("</style></head><body>");
        Banner(sb, model, options);
        sb.Append("<main>");
        Summary(sb, model);
        // The drawing first: it is what a reader looks at, and the evidence below runs to pages.
        Network(sb, model, options);
        Risk(sb, model, options);
        TimeAndPlace(sb, model);
        Identifiers(sb, model, options);
        Structure(sb, model, options);
        ContactSheet(sb, model, options);
        Ads(sb, model, options);
        History(sb, model, options);
        Decisions(sb, model, options);
        Custody(sb, model, options);
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static void Banner(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        sb.Append("<header class=\"banner\"><h1>Referral case file – cluster ").Append(Markup.Escape(model.ClusterId)).Append("</h1>");
        sb.Append("<div class=\"sub\">Generated ").Append(Markup.Escape(model.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture)));
        if (!string.IsNullOrWhiteSpace(model.Analyst))
        {
            sb.Append(" by ").Append(Markup.Escape(model.Analyst));
        }

        sb.Append(" · NetworkAnalysis ").Append(Markup.Escape(model.ToolVersion)).Append("</div>");
        sb.Append("<div class=\"confidential\">LAW ENFORCEMENT SENSITIVE");
        sb.Append(options.ShowIdentifiers && !options.Redact ? " · IDENTIFIERS SHOWN" : " · IDENTIFIERS MASKED");
        sb.Append("</div></header>");
    }

    private static void Summary(StringBuilder sb, ClusterReportModel model)
    {
        var ads = model.Graph.Ads;
        var dated = ads.Where(a => a.PostedAt is not null).Select(a => a.PostedAt!.Value).ToList();
        var cities = ads.Select(a => a.City?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).Count();
        var linking = model.Graph.Entities.Count(e => e.Links);
        sb.Append("<section id=\"summary\"><h2>Summary</h2><div class=\"figures\">");
        Figure(sb, Num.I(ads.Count), "ads");
        Figure(sb, Num.I(linking), "linking identifiers");
        Figure(sb, Num.I(cities), "cities");
        Figure(sb, dated.Count == 0 ? "–" : $"{dated.Min():yyyy-MM-dd} – {dated.Max():yyyy-MM-dd}", "posting period");
        // Risk scores run from 0 to 100 (RiskScorer), as `netan show` and `clusters --sort risk` print them.
        Figure(sb, model.RiskScore is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–", "risk score (0–100)");
        sb.Append("</div>");
        var stops = MovementChart.Stops(ads);
        if (stops.Count > 0)
        {
            sb.Append("<p>Route: ");
            for (var i = 0; i < stops.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(" → ");
                }

                sb.Append(Markup.Escape(stops[i].City)).Append(" (").Append(Num.I(stops[i].AdCount)).Append(')');
            }

            sb.Append("</p>");
        }

        sb.Append("</section>");
    }

    private static void Figure(StringBuilder sb, string value, string label) =>
        sb.Append("<div class=\"figure\"><b>").Append(Markup.Escape(value)).Append("</b><span>").Append(Markup.Escape(label)).Append("</span></div>");

    private static void Risk(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        var needles = options.ShowIdentifiers && !options.Redact ? null : AdTextDisplay.Needles(model.Graph);
        sb.Append("<section id=\"risk\"><h2>Risk indicators</h2>");
        if (model.RiskIndicators.Count == 0)
        {
            sb.Append("<p class=\"note\">No risk indicators fired or the cluster was not scored.</p></section>");
            return;
        }

        sb.Append("<div class=\"chart\">").Append(new RiskContributionChart(model.RiskIndicators, model.RiskScore).ToSvg()).Append("</div>");
        sb.Append("<table><thead><tr><th>Indicator</th><th>Weight</th><th>Contribution</th><th>Evidence</th></tr></thead><tbody>");
        foreach (var item in model.RiskIndicators.OrderByDescending(i => i.Contribution).ThenBy(i => i.Name, StringComparer.Ordinal))
        {
            sb.Append("<tr><td><b>").Append(Markup.Escape(item.Name)).Append("</b><br><span class=\"note\">").Append(Markup.Escape(item.Description)).Append("</span></td>");
            sb.Append("<td class=\"num\">").Append(Num.F(item.Weight)).Append("</td><td class=\"num\">").Append(Num.F(item.Contribution)).Append("</td><td>");
            if (item.Evidence.Count > 0)
            {
                sb.Append("<ul class=\"evidence\">");
                foreach (var line in item.Evidence)
                {
                    // Evidence excerpts are cut from the raw ad text: shown as text like the ads themselves.
                    var shown = AdTextDisplay.PlainText(line);
                    sb.Append("<li>").Append(Markup.Escape(needles is null ? shown : AdTextDisplay.MaskNeedles(shown, needles))).Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    private static void Network(StringBuilder sb, ClusterReportModel model, ReferralReportOptions options)
    {
        var chart = new NetworkChart(model.Graph, new NetworkChartOptions
        {
            ShowIdentifiers = options.ShowIdentifiers && !options.Redact,
            Layout = options.Layout,
            Title = "Cluster " + model.ClusterId,
        });
        sb.Append("<section id=\"network\"><h2>Network</h2><p class=\"note\">Squares are ads, circles are identifiers coloured by type; ");
        sb.Append("faded circles and dashed lines are hubs (identifiers too common to link ads on their own).</p>");
        sb.Append("<div class=\"chart\">").Append(chart.ToSvg()).Append("</div></section>");
    }

    private static void TimeAndPlace(StringBuilder sb, ClusterReportModel model)
    {
        sb.Append("<section id=\"timeline\"><h2>Timeline and movement</h2>");
        sb.Append("<div class=\"chart\">").Append(new TimelineChart(model.Graph.Ads).ToSvg()).Append("</div>");
        sb.Append("<div class=\"chart\">").Append(new MovementChart(model.Graph.Ads).ToSvg()).Append("</div>");
        if (Geo.GeoAtlas.Default is { } atlas)
        {
            var map = new MovementMapChart(model.Graph.Ads, atlas);
            sb.Append("<div class=\"chart\">").Append(map.ToSvg()).Append("</div>");
            if (map.Unplaced.Count > 0)
            {
                sb.Append("<p class=\"note\">Not on the map (not in the GeoNames gazetteer): ")
                    .Append(Markup.Escape(string.Join(", ", map.Unplaced))).Append("</p>");
            }
        }
        else
        {
            sb.Append("<p class=\"note\">Movement map not drawn: ").Append(Markup.Escape(Geo.GeoDataFiles.MissingHint)).Append(".</p>");
        }

        sb.Append("</section>");
    }
}
