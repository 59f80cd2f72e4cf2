using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Reporting.Charts;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>
/// The charts' colours (<see cref="ChartPalette"/>, the one palette) for the page: as data in <c>/api/info</c> (the graph and
/// its legend) and as <c>/palette.css</c> (type chips in the lists, identifier marks in the ad view), so every identifier type
/// has one colour in the SVG charts, the referral case file and the workbench.
/// </summary>
internal static class PaletteEndpoints
{
    /// <summary>The palette as JSON data: the ad colour and one colour per identifier type (wire name).</summary>
    public static object Palette { get; } = new
    {
        ad = ChartPalette.Ad,
        types = Types().ToDictionary(t => t, ChartPalette.ForEntityType, StringComparer.Ordinal),
    };

    private static readonly string Css = BuildCss();

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/palette.css", () => Results.Text(Css, "text/css; charset=utf-8"));

    private static IEnumerable<string> Types() => Enum.GetValues<EntityType>().Select(t => t.ToName());

    /// <summary>Light tints of each type's colour (hex with alpha) for chips and marks; type names are fixed identifiers.</summary>
    private static string BuildCss()
    {
        var css = new StringBuilder("/* Generated from ChartPalette: one colour per identifier type, as in the charts. */\n");
        foreach (var type in Types())
        {
            var colour = ChartPalette.ForEntityType(type);
            css.Append(".type-").Append(type).Append(" { background: ").Append(colour).Append("33; }\n");
            css.Append("#ad-view mark.type-").Append(type).Append(" { background: ").Append(colour).Append("55; }\n");
        }

        return css.ToString();
    }
}
