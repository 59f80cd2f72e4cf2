using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Risk;

namespace NetworkAnalysis.Storage.Tests;

public sealed class CaseRiskScorerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netan-risk-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private CaseStore AnalysedCase()
    {
        Directory.CreateDirectory(_folder);
        var input = Path.Combine(_folder, "ads.jsonl");
        using (var writer = new StreamWriter(input))
        {
            CorpusWriter.WriteJsonLines(CorpusGenerator.Generate(new CorpusOptions { Ads = 600, Seed = 5 }), writer);
        }

        var store = CaseStore.Open(Path.Combine(_folder, "t.case"), create: true);
        new CaseIngestor(store).Ingest(input);
        new CaseAnalyzer(store).Analyze();
        return store;
    }

    [Fact]
    public void Score_AnalysedCase_StoresOneScorePerClusterVersionedByHash()
    {
        // Given an ingested and clustered case
        using var store = AnalysedCase();

        // When scored with the default indicators
        var result = new CaseRiskScorer(store).Score(IndicatorSet.Default, IndicatorSet.DefaultFileBytes());

        // Then every cluster has a stored score under the file's hash, equal to the computed one
        store.HasCurrentScores(IndicatorSet.Default.Sha256).ShouldBeTrue();
        store.HasCurrentScores("other-hash").ShouldBeFalse();
        var stored = store.ClusterScores(IndicatorSet.Default.Sha256);
        stored.Count.ShouldBe((int)store.Counts().Clusters);
        result.Assessments.ShouldAllBe(a => stored[a.ClusterId] == a.Score);
    }

    [Fact]
    public void LoadAssessment_AfterScoring_RoundTripsContributionsAndEvidence()
    {
        // Given a scored case
        using var store = AnalysedCase();
        var result = new CaseRiskScorer(store).Score(IndicatorSet.Default, null);
        var top = result.Assessments[0];

        // When the top cluster's assessment is read back
        var loaded = store.LoadAssessment(top.ClusterId, IndicatorSet.Default.Sha256).ShouldNotBeNull();

        // Then it matches what was computed, evidence and subjects included, and ranks first by risk
        loaded.Score.ShouldBe(top.Score);
        loaded.Contributions.Select(c => (c.IndicatorId, c.Points, c.Summary, c.IsReviewFlag, c.Caution)).ShouldBe(top.Contributions.Select(c => (c.IndicatorId, c.Points, c.Summary, c.IsReviewFlag, c.Caution)));
        loaded.Contributions.SelectMany(c => c.Evidence).ShouldBe(top.Contributions.SelectMany(c => c.Evidence));
        loaded.Contributions.SelectMany(c => c.Subjects).ShouldBe(top.Contributions.SelectMany(c => c.Subjects));
        store.ListClustersByRisk(IndicatorSet.Default.Sha256, limit: 1).Single().Cluster.Id.ShouldBe(top.ClusterId);
        store.LoadRiskCluster(top.ClusterId).ShouldNotBeNull().Ads.Count.ShouldBe(top.AdCount);
    }

    [Fact]
    public void EnsureScores_Reanalysed_RescoresStaleScores()
    {
        // Given a scored case that is then re-clustered
        using var store = AnalysedCase();
        var scorer = new CaseRiskScorer(store);
        scorer.EnsureScores(IndicatorSet.Default, null).ShouldBeTrue();
        scorer.EnsureScores(IndicatorSet.Default, null).ShouldBeFalse();
        new CaseAnalyzer(store).Analyze();

        // When scores are ensured again
        // Then they are recomputed for the new clustering
        scorer.EnsureScores(IndicatorSet.Default, null).ShouldBeTrue();
        store.HasCurrentScores(IndicatorSet.Default.Sha256).ShouldBeTrue();
    }
}
