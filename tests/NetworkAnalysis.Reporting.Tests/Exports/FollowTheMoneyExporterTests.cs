using System.Text.Json;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Exports;

public sealed class FollowTheMoneyExporterTests
{
    [Fact]
    public void Write_Corpus_EmitsValidEntitiesWhoseReferencesResolve()
    {
        // Given
        var graph = SampleGraphs.Corpus(payload: Hostile.All);

        // When
        using var ms = new MemoryStream();
        FollowTheMoneyExporter.Write(graph, ms);
        var lines = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entities = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        // Then every line is {id, schema, properties{name: [strings]}}
        entities.ShouldAllBe(e => e.GetProperty("id").GetString()!.Length > 0 && e.GetProperty("schema").GetString()!.Length > 0);
        entities.SelectMany(e => e.GetProperty("properties").EnumerateObject())
            .ShouldAllBe(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String));
        var ids = entities.Select(e => e.GetProperty("id").GetString()!).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);

        // And counts survive: one document per ad, one legal entity per cluster, one link per clustered ad
        entities.Count(e => e.GetProperty("schema").GetString() == "PlainText").ShouldBe(graph.Ads.Count);
        entities.Count(e => e.GetProperty("schema").GetString() == "LegalEntity").ShouldBe(graph.Ads.Select(a => a.ClusterId).Distinct().Count());
        entities.Count(e => e.GetProperty("schema").GetString() == "UnknownLink").ShouldBe(graph.Ads.Count);
        entities.Count(e => e.GetProperty("schema").GetString() == "UserAccount").ShouldBe(graph.Entities.Count(x => x.Type == "snapchat"));

        // And entity references point at entities in the file
        var idSet = ids.ToHashSet();
        foreach (var e in entities)
        {
            foreach (var prop in new[] { "subject", "object", "owner", "holder" })
            {
                if (e.GetProperty("properties").TryGetProperty(prop, out var refs))
                {
                    refs.EnumerateArray().ShouldAllBe(r => idSet.Contains(r.GetString()!));
                }
            }
        }
    }
}
