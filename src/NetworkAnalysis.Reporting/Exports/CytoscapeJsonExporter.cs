using System.Text.Json;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>Cytoscape.js elements JSON (<c>{"elements":{"nodes":[{"data":…}],"edges":[…]}}</c>), also readable by Cytoscape desktop.</summary>
public sealed class CytoscapeJsonExporter : IGraphExporter
{
    /// <inheritdoc/>
    public string Format => "cytoscape";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default) =>
        [ExportFiles.Binary(directory, "graph.cyjs", s => Write(graph, s, cancellationToken))];

    /// <summary>Writes the JSON document to <paramref name="stream"/>.</summary>
    /// <remarks>The default JSON encoder escapes <c>&lt; &gt; &amp; '</c>, so the file can be inlined in a page safely.</remarks>
    public static void Write(CaseGraph graph, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteStartObject("elements");
        w.WriteStartArray("nodes");
        foreach (var ad in graph.Ads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", Utf16.Scrub(ExportIds.Ad(ad.Key)));
            w.WriteString("label", Utf16.Scrub(ad.Key));
            w.WriteString("kind", "ad");
            WriteOptional(w, "cluster", ad.ClusterId);
            WriteOptional(w, "posted_at", ad.PostedAt?.ToString("O"));
            WriteOptional(w, "city", ad.City);
            w.WriteString("text", Utf16.Scrub(ad.Text));
            WriteOptional(w, "decisions", ad.Decisions.Count == 0 ? null : string.Join("\n", ad.Decisions));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        foreach (var e in graph.Entities)
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", Utf16.Scrub(ExportIds.Entity(e.Id)));
            w.WriteString("label", Utf16.Scrub(e.Value));
            w.WriteString("kind", "entity");
            w.WriteString("type", Utf16.Scrub(e.Type));
            w.WriteString("value", Utf16.Scrub(e.Value));
            w.WriteBoolean("hub", e.IsHub);
            WriteOptional(w, "decisions", e.Decision);
            WriteOptional(w, "phone_region", e.Phone?.Region);
            WriteOptional(w, "phone_location", e.Phone?.Location);
            WriteOptional(w, "phone_type", e.Phone?.Type);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("edges");
        var k = 0;
        foreach (var (source, target, kind, weight) in XmlExport.Edges(graph))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", "e" + k++.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("source", Utf16.Scrub(source));
            w.WriteString("target", Utf16.Scrub(target));
            w.WriteString("kind", Utf16.Scrub(kind));
            w.WriteNumber("weight", weight);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, Utf16.Scrub(value));
        }
    }
}
