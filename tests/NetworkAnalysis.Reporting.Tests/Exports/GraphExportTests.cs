using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Exports;

/// <summary>GraphML, GEXF and Cytoscape.js exports, each read back with an independent reader.</summary>
public sealed class GraphExportTests
{
    private static CaseGraph Graph(string? payload = null) => SampleGraphs.Corpus(payload: payload);

    private static HashSet<string> ExpectedNodeIds(CaseGraph g) =>
        g.Ads.Select(a => ExportIds.Ad(a.Key)).Concat(g.Entities.Select(e => ExportIds.Entity(e.Id))).ToHashSet();

    private static byte[] Bytes(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    [Fact]
    public void GraphMl_Export_ValidatesAgainstSchemaAndKeepsCountsAndIds()
    {
        // Given
        var graph = Graph();
        var bytes = Bytes(s => GraphMlExporter.Write(graph, s));

        // When validated against the GraphML structure
        var schemas = new XmlSchemaSet();
        schemas.Add(GraphMlExporter.Namespace, XmlReader.Create(new StringReader(GraphMlStructureSchema.Xsd)));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
        {
            while (reader.Read())
            {
            }
        }

        // Then
        errors.ShouldBeEmpty();
        XNamespace ns = GraphMlExporter.Namespace;
        var doc = XDocument.Load(new MemoryStream(bytes));
        var nodes = doc.Descendants(ns + "node").Select(n => (string)n.Attribute("id")!).ToList();
        nodes.ToHashSet().SetEquals(ExpectedNodeIds(graph)).ShouldBeTrue();
        nodes.Count.ShouldBe(nodes.Distinct().Count());
        var edges = doc.Descendants(ns + "edge").ToList();
        edges.Count.ShouldBe(graph.Links.Count);
        edges.ShouldAllBe(e => nodes.Contains((string)e.Attribute("source")!) && nodes.Contains((string)e.Attribute("target")!));
        var keys = doc.Root!.Elements(ns + "key").Select(k => (string)k.Attribute("id")!).ToHashSet();
        doc.Descendants(ns + "data").ShouldAllBe(d => keys.Contains((string)d.Attribute("key")!));
    }

    [Fact]
    public void GraphMl_HostileText_SurvivesAsTextMinusInvalidChars()
    {
        // Given
        var graph = Graph(Hostile.Script);

        // When
        var doc = XDocument.Load(new MemoryStream(Bytes(s => GraphMlExporter.Write(graph, s))));

        // Then the text reads back exactly and no element was injected
        XNamespace ns = GraphMlExporter.Namespace;
        doc.Descendants().ShouldNotContain(e => e.Name.LocalName == "script");
        var texts = doc.Descendants(ns + "data").Where(d => (string)d.Attribute("key")! == "n_text").Select(d => d.Value).ToList();
        texts.ShouldBe(graph.Ads.Select(a => a.Text.Replace("\r", "")).ToList());
    }

    [Fact]
    public void Gexf_Export_KeepsCountsIdsAndDeclaredAttributes()
    {
        // Given
        var graph = Graph(Hostile.All);

        // When
        var doc = XDocument.Load(new MemoryStream(Bytes(s => GexfExporter.Write(graph, s))));

        // Then
        XNamespace ns = GexfExporter.Namespace;
        doc.Root!.Name.ShouldBe(ns + "gexf");
        ((string)doc.Root.Attribute("version")!).ShouldBe("1.3");
        var nodeIds = doc.Descendants(ns + "node").Select(n => (string)n.Attribute("id")!).ToList();
        nodeIds.Count.ShouldBe(graph.Ads.Count + graph.Entities.Count);
        nodeIds.Distinct().Count().ShouldBe(nodeIds.Count);
        var edges = doc.Descendants(ns + "edge").ToList();
        edges.Count.ShouldBe(graph.Links.Count);
        edges.ShouldAllBe(e => nodeIds.Contains((string)e.Attribute("source")!) && nodeIds.Contains((string)e.Attribute("target")!));
        var declared = doc.Descendants(ns + "attribute").Select(a => (string)a.Parent!.Attribute("class")! + "/" + (string)a.Attribute("id")!).ToHashSet();
        doc.Descendants(ns + "attvalue").ShouldAllBe(v => declared.Contains((v.Parent!.Parent!.Name.LocalName == "node" ? "node/" : "edge/") + (string)v.Attribute("for")!));
    }

    [Fact]
    public void Cytoscape_Export_KeepsCountsAndEdgeEndpoints()
    {
        // Given
        var graph = Graph(Hostile.All);

        // When
        var bytes = Bytes(s => CytoscapeJsonExporter.Write(graph, s));
        using var doc = JsonDocument.Parse(bytes);

        // Then
        var nodes = doc.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToList();
        nodes.Count.ShouldBe(graph.Ads.Count + graph.Entities.Count);
        var edges = doc.RootElement.GetProperty("elements").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        edges.Count.ShouldBe(graph.Links.Count);
        edges.ShouldAllBe(e => nodes.Contains(e.GetProperty("source").GetString()!) && nodes.Contains(e.GetProperty("target").GetString()!));
        System.Text.Encoding.UTF8.GetString(bytes).ShouldNotContain("<script");
    }

    [Fact]
    public void Cytoscape_PlainGraph_KeepsIdsExactly()
    {
        var graph = Graph();
        using var doc = JsonDocument.Parse(Bytes(s => CytoscapeJsonExporter.Write(graph, s)));
        var nodes = doc.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()!).ToHashSet();
        nodes.SetEquals(ExpectedNodeIds(graph)).ShouldBeTrue();
    }

    [Fact]
    public void GraphExports_Phones_CarryTheirStoredRegionPlaceAndType_OtherIdentifiersNone()
    {
        // Given: a graph whose phones carry details as a case stores them; one changed by hand, as a stored row could be
        var graph = Graph();
        var changed = graph.Entities.First(e => e.Phone is not null);
        graph = graph with
        {
            Entities = graph.Entities.Select(e => e == changed ? e with { Phone = e.Phone! with { Location = "Testville" } } : e).ToList(),
        };
        var expected = graph.Entities.ToDictionary(e => ExportIds.Entity(e.Id), e => e.Phone);
        expected.Values.Count(p => p is not null).ShouldBeGreaterThan(1);
        expected.Values.ShouldContain(p => p == null);

        // When: exported as GraphML, GEXF and Cytoscape.js, each read back
        XNamespace ml = GraphMlExporter.Namespace;
        var graphMl = XDocument.Load(new MemoryStream(Bytes(s => GraphMlExporter.Write(graph, s)))).Descendants(ml + "node")
            .ToDictionary(n => (string)n.Attribute("id")!, n => n.Elements(ml + "data").ToDictionary(d => (string)d.Attribute("key")!, d => d.Value));
        XNamespace gx = GexfExporter.Namespace;
        var gexf = XDocument.Load(new MemoryStream(Bytes(s => GexfExporter.Write(graph, s)))).Descendants(gx + "node")
            .ToDictionary(n => (string)n.Attribute("id")!, n => n.Descendants(gx + "attvalue").ToDictionary(v => (string)v.Attribute("for")!, v => (string)v.Attribute("value")!));
        using var cy = JsonDocument.Parse(Bytes(s => CytoscapeJsonExporter.Write(graph, s)));
        var cytoscape = cy.RootElement.GetProperty("elements").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data"))
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!));

        // Then: every entity node says exactly its stored details, under the same names in each format
        foreach (var (id, phone) in expected)
        {
            foreach (var (format, node, prefix) in new[] { ("graphml", graphMl[id], "n_"), ("gexf", gexf[id], ""), ("cytoscape", cytoscape[id], "") })
            {
                node.GetValueOrDefault(prefix + "phone_region").ShouldBe(phone?.Region, $"{format} {id}");
                node.GetValueOrDefault(prefix + "phone_location").ShouldBe(phone?.Location, $"{format} {id}");
                node.GetValueOrDefault(prefix + "phone_type").ShouldBe(phone?.Type, $"{format} {id}");
            }
        }

        graphMl[ExportIds.Entity(changed.Id)]["n_phone_location"].ShouldBe("Testville");
    }

    [Fact]
    public void Exporters_Twice_AreByteIdentical()
    {
        var graph = Graph();
        foreach (var format in GraphExporters.Formats)
        {
            var a = Path.Combine(Path.GetTempPath(), "netan-exp-" + Guid.NewGuid().ToString("N"));
            var b = Path.Combine(Path.GetTempPath(), "netan-exp-" + Guid.NewGuid().ToString("N"));
            try
            {
                var fa = GraphExporters.Create(format)!.Export(graph, a);
                var fb = GraphExporters.Create(format)!.Export(graph, b);
                fa.Count.ShouldBe(fb.Count);
                for (var i = 0; i < fa.Count; i++)
                {
                    File.ReadAllBytes(fa[i]).ShouldBe(File.ReadAllBytes(fb[i]), format);
                }
            }
            finally
            {
                Directory.Delete(a, true);
                Directory.Delete(b, true);
            }
        }
    }
}
