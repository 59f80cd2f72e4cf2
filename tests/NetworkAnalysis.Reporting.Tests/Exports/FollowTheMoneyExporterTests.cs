using System.Text.Json;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Model;
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

    [Fact]
    public void Write_Decisions_AreNotesOnTheAdsAccountsAndClustersTheyConcern()
    {
        // Given two ads of one cluster a merge names, and a handle decided never a hub
        var merge = "#1 merged by J. Doe on 2026-03-02: same <b>photo</b> set";
        var never = "#2 snapchat:amy marked never a hub by J. Doe on 2026-03-02: hers";
        var graph = new CaseGraph
        {
            Ads = [new ReportAd { Key = "a", ClusterId = "C1", Text = "t", Decisions = [merge] }, new ReportAd { Key = "b", ClusterId = "C1", Text = "t" }],
            Entities = [new ReportEntity("snapchat:amy", "snapchat", "amy") { Decision = never }],
            Links = [new ReportLink("b", "snapchat:amy", ReportLinkKind.Mentions)],
        };

        // When
        using var ms = new MemoryStream();
        FollowTheMoneyExporter.Write(graph, ms);
        var entities = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        // Then the FtM "notes" property (of every Thing) carries them where they apply, verbatim (JSON-escaped)
        string[] Notes(string id) => entities.Single(e => e.GetProperty("id").GetString() == id).GetProperty("properties")
            .TryGetProperty("notes", out var n) ? [.. n.EnumerateArray().Select(v => v.GetString()!)] : [];
        Notes(FollowTheMoneyExporter.AdEntityId("a")).ShouldBe([merge]);
        Notes(FollowTheMoneyExporter.AdEntityId("b")).ShouldBeEmpty();
        Notes(FollowTheMoneyExporter.ClusterEntityId("C1")).Skip(1).ShouldBe([merge, never]);
        entities.Single(e => e.GetProperty("schema").GetString() == "UserAccount").GetProperty("properties").GetProperty("notes")[0].GetString().ShouldBe(never);
    }
}
