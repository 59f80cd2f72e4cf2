using System.Globalization;
using System.Text;
using System.Xml;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>A cluster's ad-entity graph as GraphML (for Gephi, yEd, Cytoscape desktop).</summary>
/// <remarks>Written with <see cref="XmlWriter"/>, which escapes; characters XML forbids are replaced first.
/// TODO(#8): switch to the Reporting project's GraphML exporter once it is merged.</remarks>
internal static class GraphMlWriter
{
    public static byte[] Write(string clusterId, GraphFragment fragment)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
            Key(xml, "kind", "node", "string");
            Key(xml, "label", "node", "string");
            Key(xml, "type", "node", "string");
            Key(xml, "city", "node", "string");
            Key(xml, "posted_at", "node", "string");
            Key(xml, "cluster", "node", "string");
            Key(xml, "ads", "node", "int");
            xml.WriteStartElement("graph");
            xml.WriteAttributeString("id", Xml.Clean(clusterId));
            xml.WriteAttributeString("edgedefault", "undirected");
            foreach (var a in fragment.Ads)
            {
                Node(xml, "a" + a.Id, ("kind", "ad"), ("label", a.Key), ("city", a.City), ("posted_at", a.PostedAt), ("cluster", a.ClusterId));
            }

            foreach (var e in fragment.Entities)
            {
                Node(xml, "e" + e.Id, ("kind", "entity"), ("label", e.Value), ("type", e.Type), ("ads", e.Ads.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var (ad, entity) in fragment.Links)
            {
                xml.WriteStartElement("edge");
                xml.WriteAttributeString("source", "a" + ad);
                xml.WriteAttributeString("target", "e" + entity);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Key(XmlWriter xml, string name, string domain, string type)
    {
        xml.WriteStartElement("key");
        xml.WriteAttributeString("id", name);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Node(XmlWriter xml, string id, params (string Key, string? Value)[] data)
    {
        xml.WriteStartElement("node");
        xml.WriteAttributeString("id", id);
        foreach (var (key, value) in data.Where(d => d.Value is not null))
        {
            xml.WriteStartElement("data");
            xml.WriteAttributeString("key", key);
            xml.WriteString(Xml.Clean(value!));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
