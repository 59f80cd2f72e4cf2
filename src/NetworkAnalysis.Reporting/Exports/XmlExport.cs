using System.Text;
using System.Xml;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>Shared pieces of the XML exports.</summary>
internal static class XmlExport
{
    public static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(false),
        CheckCharacters = true,
    };

    /// <summary>Drops characters XML cannot carry; XmlWriter escapes the rest.</summary>
    public static string Clean(string value) => Markup.StripInvalidXmlChars(value);

    /// <summary>Edges as (source node ID, target node ID, kind, weight), skipping links whose ends are not in the graph.</summary>
    public static IEnumerable<(string Source, string Target, string Kind, double Weight)> Edges(CaseGraph graph)
    {
        var ads = graph.Ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var entities = graph.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var link in graph.Links)
        {
            if (!ads.Contains(link.Source))
            {
                continue;
            }

            if (link.Kind == ReportLinkKind.Mentions)
            {
                if (entities.Contains(link.Target))
                {
                    yield return (ExportIds.Ad(link.Source), ExportIds.Entity(link.Target), KindName(link.Kind), link.Weight);
                }
            }
            else if (ads.Contains(link.Target))
            {
                yield return (ExportIds.Ad(link.Source), ExportIds.Ad(link.Target), KindName(link.Kind), link.Weight);
            }
        }
    }

    public static string KindName(ReportLinkKind kind) => kind switch
    {
        ReportLinkKind.Mentions => "mentions",
        ReportLinkKind.SimilarImage => "similar_image",
        ReportLinkKind.SimilarText => "similar_text",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown link kind."),
    };
}
