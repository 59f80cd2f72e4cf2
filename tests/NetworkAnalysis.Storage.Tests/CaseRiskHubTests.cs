using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseRiskHubTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Score_HubPhoneBesideAHandle_IsNotCountedAsAPhoneTheHandleControls()
    {
        // Given three posters, each with one e-mail on two ads: one ad gives the poster's own phone, the other a
        // booking line (702-555-0190) that all three share, so the analysis makes the booking line a hub
        var file = _dir.Write("a.jsonl", string.Join('\n', Enumerable.Range(1, 3).SelectMany(g => new[]
        {
            $$"""{"id":"{{g}}-1","body":"write poster{{g}}@example.com or book via 702-555-0190"}""",
            $$"""{"id":"{{g}}-2","body":"write poster{{g}}@example.com or call 702-555-01{{10 + g}}"}""",
        })));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        // (identifiers only: the six texts share one template, which as a weak link would join the posters)
        new CaseAnalyzer(store) { NearDuplicates = new() { Images = false, Text = false } }
            .Analyze(new ClusteringOptions { Hubs = new HubOptions { MaxGroups = 2 } });
        store.Counts().Clusters.ShouldBe(3);

        // When the clusters are scored
        var result = new CaseRiskScorer(store).Score(IndicatorSet.Default, null);

        // Then the loaded mentions carry the hub verdict, and no e-mail "controls several phones"
        var input = store.LoadRiskInput();
        input.Clusters.SelectMany(c => c.Ads).SelectMany(a => a.Entities).Where(e => e.Type == EntityType.Phone)
            .ShouldAllBe(e => e.IsHub == (e.Value == "+17025550190"));
        result.Assessments.ShouldAllBe(a => Points(a, "handle_controls_phones") == 0);

        // whereas the same clusters without hub verdicts would fire it (what `netan score` did before)
        var unflagged = new RiskInput(input.Clusters.Select(c => new RiskCluster(c.Id,
            c.Ads.Select(a => a with { Entities = a.Entities.Select(e => e with { IsHub = false }).ToList() }).ToList())).ToList());
        new RiskScorer(IndicatorSet.Default).Score(unflagged).Assessments.ShouldAllBe(a => Points(a, "handle_controls_phones") > 0);
    }

    private static double Points(RiskAssessment assessment, string indicator) =>
        assessment.Contributions.Where(c => c.IndicatorId == indicator).Sum(c => c.Points);
}
