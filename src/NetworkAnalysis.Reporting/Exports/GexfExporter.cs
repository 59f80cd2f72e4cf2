using System.Xml;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>GEXF 1.3 for Gephi: nodes with declared attributes, weighted undirected edges.</summary>
public sealed class GexfExporter : IGraphExporter
{
    /// <summary>The GEXF 1.3 namespace.</summary>
    public const string Namespace = "http://gexf.net/1.3";

    private static readonly (string Id, string Title, string Type)[] NodeAttributes =
    [
        ("kind", "kind", "string"), ("type", "type", "string"), ("value", "value", "string"), ("hub", "hub", "boolean"),
        ("cluster", "cluster", "string"), ("posted_at", "posted_at", "string"), ("city", "city", "string"), ("text", "text", "string"), ("decisions", "decisions", "string"),
        ("phone_region", "phone_region", "string"), ("phone_location", "phone_location", "string"), ("phone_type", "phone_type", "string"),
    ];

    /// <inheritdoc/>
    public string Format => "gexf";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default) =>
        [ExportFiles.Binary(directory, "graph.gexf", s => Write(graph, s, cancellationToken))];

    /// <summary>Writes the GEXF document to <paramref name="stream"/>.</summary>
    public static void Write(CaseGraph graph, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var w = XmlWriter.Create(stream, XmlExport.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("gexf", Namespace);
        w.WriteAttributeString("version", "1.3");
        w.WriteStartElement("meta", Namespace);
        w.WriteElementString("creator", Namespace, "NetworkAnalysis");
        w.WriteElementString("description", Namespace, "Ads and the identifiers that link them");
        w.WriteEndElement();
        w.WriteStartElement("graph", Namespace);
        w.WriteAttributeString("defaultedgetype", "undirected");
        w.WriteAttributeString("mode", "static");
        w.WriteStartElement("attributes", Namespace);
        w.WriteAttributeString("class", "node");
        foreach (var (id, title, type) in NodeAttributes)
        {
            w.WriteStartElement("attribute", Namespace);
            w.WriteAttributeString("id", id);
            w.WriteAttributeString("title", title);
            w.WriteAttributeString("type", type);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("attributes", Namespace);
        w.WriteAttributeString("class", "edge");
        w.WriteStartElement("attribute", Namespace);
        w.WriteAttributeString("id", "kind");
        w.WriteAttributeString("title", "kind");
        w.WriteAttributeString("type", "string");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("nodes", Namespace);
        foreach (var ad in graph.Ads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Node(w, ExportIds.Ad(ad.Key), ad.Key, [("kind", "ad"), ("cluster", ad.ClusterId), ("posted_at", ad.PostedAt?.ToString("O")), ("city", ad.City), ("text", ad.Text), ("decisions", ad.Decisions.Count == 0 ? null : string.Join("\n", ad.Decisions))]);
        }

        foreach (var e in graph.Entities)
        {
            Node(w, ExportIds.Entity(e.Id), e.Value, [("kind", "entity"), ("type", e.Type), ("value", e.Value), ("hub", e.IsHub ? "true" : "false"), ("decisions", e.Decision),
                ("phone_region", e.Phone?.Region), ("phone_location", e.Phone?.Location), ("phone_type", e.Phone?.Type)]);
        }

        w.WriteEndElement();
        w.WriteStartElement("edges", Namespace);
        var k = 0;
        foreach (var (source, target, kind, weight) in XmlExport.Edges(graph))
        {
            w.WriteStartElement("edge", Namespace);
            w.WriteAttributeString("id", "e" + Num.I(k++));
            w.WriteAttributeString("source", XmlExport.Clean(source));
            w.WriteAttributeString("target", XmlExport.Clean(target));
            w.WriteAttributeString("weight", Num.R(weight));
            w.WriteStartElement("attvalues", Namespace);
            AttValue(w, "kind", kind);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Node(XmlWriter w, string id, string label, (string Key, string? Value)[] values)
    {
        w.WriteStartElement("node", Namespace);
        w.WriteAttributeString("id", XmlExport.Clean(id));
        w.WriteAttributeString("label", XmlExport.Clean(label));
        w.WriteStartElement("attvalues", Namespace);
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                AttValue(w, key, value);
            }
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void AttValue(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("attvalue", Namespace);
        w.WriteAttributeString("for", key);
        w.WriteAttributeString("value", XmlExport.Clean(value));
        w.WriteEndElement();
    }
}
