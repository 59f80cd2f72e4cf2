using System.Text.RegularExpressions;
using System.Xml.Linq;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Charts;

/// <summary>Turns the SVG that ScottPlot (through Skia) writes into a document fit to embed: checked, deterministic, titled.</summary>
/// <remarks>
/// Skia numbers clip paths from a process-wide counter, so the same chart drawn twice differs; IDs are renumbered in
/// document order under a per-chart prefix (two charts inlined in one HTML page never share an ID). The document is then
/// verified: nothing executable or external (script, foreignObject, images, links, event handlers, non-local references)
/// may remain; a violation throws instead of writing the file.
/// </remarks>
public static partial class PlotSvg
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "clipPath", "defs",
        "title", "desc", "linearGradient", "radialGradient", "stop", "mask", "pattern", "use",
    };

    /// <summary>Renumbers IDs under <paramref name="idPrefix"/>, adds viewBox, role and title, and verifies the result.</summary>
    /// <exception cref="InvalidOperationException">The SVG is not well-formed or holds something that could run or fetch.</exception>
    public static string Finish(string skiaSvg, string idPrefix, string title)
    {
        ArgumentNullException.ThrowIfNull(skiaSvg);
        XDocument doc;
        try
        {
            doc = XDocument.Parse(skiaSvg);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidOperationException("chart SVG is not well-formed: " + e.Message, e);
        }

        var root = doc.Root ?? throw new InvalidOperationException("chart SVG has no root");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in root.DescendantsAndSelf())
        {
            if (e.Attribute("id") is { } id)
            {
                var fresh = idPrefix + "-" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids[id.Value] = fresh;
                id.Value = fresh;
            }
        }

        foreach (var a in root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName != "id"))
        {
            if (a.Value.Contains("url(#", StringComparison.Ordinal))
            {
                a.Value = UrlReference().Replace(a.Value, m => "url(#" + (ids.TryGetValue(m.Groups[1].Value, out var n) ? n : "missing") + ")");
            }
            else if (a.Name == XLink + "href" || a.Name.LocalName == "href")
            {
                a.Value = a.Value.StartsWith('#') && ids.TryGetValue(a.Value[1..], out var n) ? "#" + n : a.Value;
            }
        }

        Verify(root);
        var width = (string?)root.Attribute("width") ?? "0";
        var height = (string?)root.Attribute("height") ?? "0";
        root.SetAttributeValue("viewBox", "0 0 " + width + " " + height);
        root.SetAttributeValue("role", "img");
        root.AddFirst(new XElement(Svg + "title", Markup.StripInvalidXmlChars(title)));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Throws unless every element is plain drawing, no attribute is an event handler, and every reference is local.</summary>
    /// <exception cref="InvalidOperationException">Something executable or external is present.</exception>
    public static void Verify(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var e in root.DescendantsAndSelf())
        {
            if (e.Name.Namespace != Svg || !AllowedElements.Contains(e.Name.LocalName))
            {
                throw new InvalidOperationException("chart SVG holds a disallowed element: " + LogSafe(e.Name.LocalName));
            }

            foreach (var a in e.Attributes())
            {
                var name = a.Name.LocalName;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException("chart SVG holds an event handler: " + LogSafe(name));
                }

                if (a.IsNamespaceDeclaration)
                {
                    continue;
                }

                if ((name == "href" && !a.Value.StartsWith('#'))
                    || (a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !a.Value.Contains("url(#", StringComparison.Ordinal))
                    || a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException("chart SVG holds a non-local reference in " + LogSafe(name));
                }
            }
        }
    }

    private static string LogSafe(string s) => ChartText.Label(s, 40);

    [GeneratedRegex(@"url\(#([^)]*)\)")]
    private static partial Regex UrlReference();
}
