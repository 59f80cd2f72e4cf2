using System.Xml;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>GraphML for Gephi, Cytoscape desktop and yEd: ads and entities as nodes with typed attributes.</summary>
public sealed class GraphMlExporter : IGraphExporter
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    /// <inheritdoc/>
    public string Format => "graphml";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default) =>
        [ExportFiles.Binary(directory, "graph.graphml", s => Write(graph, s, cancellationToken))];

    /// <summary>Writes the GraphML document to <paramref name="stream"/>.</summary>
    public static void Write(CaseGraph graph, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var w = XmlWriter.Create(stream, XmlExport.Settings);
        w.WriteStartDocument();
        w.WriteStartElement("graphml", Namespace);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        Key(w, "n_kind", "node", "kind", "string");
        Key(w, "n_label", "node", "label", "string");
        Key(w, "n_type", "node", "type", "string");
        Key(w, "n_value", "node", "value", "string");
        Key(w, "n_hub", "node", "hub", "boolean");
        Key(w, "n_cluster", "node", "cluster", "string");
        Key(w, "n_posted", "node", "posted_at", "string");
        Key(w, "n_city", "node", "city", "string");
        Key(w, "n_text", "node", "text", "string");
        Key(w, "n_decisions", "node", "decisions", "string");
        Key(w, "n_phone_region", "node", "phone_region", "string");
        Key(w, "n_phone_location", "node", "phone_location", "string");
        Key(w, "n_phone_type", "node", "phone_type", "string");
        Key(w, "e_kind", "edge", "kind", "string");
        Key(w, "e_weight", "edge", "weight", "double");
        w.WriteStartElement("graph", Namespace);
        w.WriteAttributeString("id", "G");
        w.WriteAttributeString("edgedefault", "undirected");
        foreach (var ad in graph.Ads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            w.WriteStartElement("node", Namespace);
            w.WriteAttributeString("id", XmlExport.Clean(ExportIds.Ad(ad.Key)));
            Data(w, "n_kind", "ad");
            Data(w, "n_label", ad.Key);
            Data(w, "n_cluster", ad.ClusterId);
            Data(w, "n_posted", ad.PostedAt?.ToString("O"));
            Data(w, "n_city", ad.City);
            Data(w, "n_text", ad.Text);
            Data(w, "n_decisions", ad.Decisions.Count == 0 ? null : string.Join("\n", ad.Decisions));
            w.WriteEndElement();
        }

        foreach (var e in graph.Entities)
        {
            w.WriteStartElement("node", Namespace);
            w.WriteAttributeString("id", XmlExport.Clean(ExportIds.Entity(e.Id)));
            Data(w, "n_kind", "entity");
            Data(w, "n_label", e.Value);
            Data(w, "n_type", e.Type);
            Data(w, "n_value", e.Value);
            Data(w, "n_hub", e.IsHub ? "true" : "false");
            Data(w, "n_decisions", e.Decision);
            // A phone's region, place and type as the case stores them (#19).
            Data(w, "n_phone_region", e.Phone?.Region);
            Data(w, "n_phone_location", e.Phone?.Location);
            Data(w, "n_phone_type", e.Phone?.Type);
            w.WriteEndElement();
        }

        var k = 0;
        foreach (var (source, target, kind, weight) in XmlExport.Edges(graph))
        {
            w.WriteStartElement("edge", Namespace);
            w.WriteAttributeString("id", "e" + Num.I(k++));
            w.WriteAttributeString("source", XmlExport.Clean(source));
            w.WriteAttributeString("target", XmlExport.Clean(target));
            Data(w, "e_kind", kind);
            Data(w, "e_weight", Num.R(weight));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Key(XmlWriter w, string id, string domain, string name, string type)
    {
        w.WriteStartElement("key", Namespace);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", domain);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartElement("data", Namespace);
        w.WriteAttributeString("key", key);
        w.WriteString(XmlExport.Clean(value));
        w.WriteEndElement();
    }
}
