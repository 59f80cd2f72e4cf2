using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>What analyze stores is what the engine decided: parameters, hub verdicts, cohesion, and the explainer over them.</summary>
public sealed class StoredAnalysisTests : IDisposable
{
    private static readonly ClusteringOptions Options = new()
    {
        Hubs = new HubOptions { MaxGroups = 3, MaxAdDegree = 40 },
        Leiden = new Core.Clustering.Leiden.LeidenOptions { Resolution = 0.4, Seed = 9 },
    };

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadAnalysis_AndLoadEvidence_GiveTheEnginesVerdictsAndPaths_WithoutRunningIt()
    {
        // Given a generated case analysed without weak links at non-default thresholds and resolution
        var input = _dir.File("ads.jsonl");
        using (var writer = new StreamWriter(input))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 500, Seed = 11 }), writer);
        }

        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(input);
        new CaseAnalyzer(store) { NearDuplicates = new() { Images = false, Text = false } }.Analyze(Options);
        var snapshot = store.LoadSnapshot();
        var options = Options with { TextJoins = new Core.Similarity.NearDuplicateOptions().TextJoins };
        var engine = ClusteringEngine.Run(snapshot.Incidence, [], options);

        // When the stored analysis is read back
        var analysis = store.LoadAnalysis().ShouldNotBeNull();
        var evidence = store.LoadEvidence(snapshot, analysis);

        // Then parameters, hubs (with reasons), cohesion and link weights are the engine's
        analysis.Options.ShouldBe(options);
        engine.Hubs!.Hubs.Count.ShouldBeGreaterThan(0, "the thresholds must make hubs, or this test shows nothing");
        analysis.Hubs.Select(h => (h.EntityId, h.Reason, h.Ads, h.GroupsJoined))
            .ShouldBe(engine.Hubs.Hubs.Select(h => (snapshot.EntityRowIds[h.Entity], h.Reason, h.AdCount, h.GroupsJoined)), ignoreOrder: true);
        var cohesion = store.ClusterCohesion();
        engine.Clusters.ShouldAllBe(c => Math.Abs(cohesion[c.Id] - c.Cohesion) < 1e-9);
        evidence.Result.Weights!.Weight.ShouldBe(engine.Weights!.Weight);

        // and every explained pair reads as the engine explains it (same path, same words): the ends of each cluster, and
        // the first and last ad of each hub (linked only through it)
        var graph = engine.Graph!;
        var pairs = engine.Clusters.Where(c => c.Size > 1).Select(c => (c.AdIndexes[0], c.AdIndexes[^1]))
            .Concat(engine.Hubs.Hubs.Select(h => (graph.AdsOf(h.Entity)[0], graph.AdsOf(h.Entity)[^1]))).ToList();
        int linked = 0, hubOnly = 0;
        foreach (var (a, b) in pairs)
        {
            var stored = evidence.Explain(a, b);
            var fresh = EvidenceExplainer.Explain(engine, [], a, b, options);
            stored.Explanation.ShouldBe(fresh.Explanation);
            stored.Steps.ShouldBe(fresh.Steps);
            linked += stored.Linked ? 1 : 0;
            hubOnly += stored.Explanation.Contains("only through hub", StringComparison.Ordinal) ? 1 : 0;
        }

        linked.ShouldBeGreaterThan(10);
        hubOnly.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void LoadAnalysis_BeforeAnyAnalysis_IsNull()
    {
        using var store = CaseStore.Open(_dir.File("empty.case"), create: true);

        store.LoadAnalysis().ShouldBeNull();
    }
}
