using System.Globalization;
using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Graphs;
using NetworkAnalysis.Core.Risk;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Risk;

/// <summary>
/// Scores the lead's generated corpus and reports ROC AUC, precision at 10/100 and the ablation table that
/// docs/risk.md quotes, both on the ground-truth poster groups and on the clusters the component clusterer
/// finds. The generator plants the cues the indicators look for, so these figures show the scorer separates
/// what it was built to see, not real-world validity.
/// </summary>
public sealed class RiskGeneratedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Ablate_GroundTruthGroups_RingsRankAboveIndependents()
    {
        // Given a generated corpus of 20,000 ads (seed 42) grouped by its ground truth
        var corpus = GeneratedRiskCorpus.Build(20_000, 42);
        var (input, rings) = corpus.ByGroundTruth();

        // When scored with the default indicators, with each removed, and with each alone
        var rows = Report(input, rings.Contains);

        // Then the full set separates rings from independent posters (planted cues: see docs/risk.md)
        rows[0].Evaluation.RocAuc.ShouldBeGreaterThan(0.9);
        rows[0].Evaluation.PrecisionAt10.ShouldBe(1);
    }

    [Fact]
    public void Ablate_ComponentClusters_RingClustersRankHigh()
    {
        // Given the same corpus clustered by shared identifiers; a cluster is a ring when most of its ads are ring ads
        var corpus = GeneratedRiskCorpus.Build(20_000, 42);
        var (input, rings) = corpus.ByComponents();

        // When scored and ablated
        var rows = Report(input, rings.Contains);

        // Then ring clusters still rank high
        rows[0].Evaluation.RocAuc.ShouldBeGreaterThan(0.8);
        rows[0].Evaluation.PrecisionAt10.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    private IReadOnlyList<RiskAblationRow> Report(RiskInput input, Func<string, bool> isRing)
    {
        var set = IndicatorSet.Default;
        var rows = RiskEvaluator.Ablate(input, set, isRing);
        var e0 = rows[0].Evaluation;
        output.WriteLine($"clusters: {input.Clusters.Count}, rings: {e0.Positives}, independents: {e0.Negatives}");
        output.WriteLine("| indicator | AUC without it | P@10 without | P@100 without | AUC with it alone |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var e = row.Evaluation;
            var alone = row.RemovedIndicator is null ? "" : Fmt(RiskEvaluator.Evaluate(new RiskScorer(set.Only(row.RemovedIndicator)).Score(input), isRing).RocAuc);
            output.WriteLine($"| {row.RemovedIndicator ?? "(full set)"} | {Fmt(e.RocAuc)} | {Fmt(e.PrecisionAt10)} | {Fmt(e.PrecisionAt100)} | {alone} |");
        }

        return rows;
    }

    private static string Fmt(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>The lead's generator output with extraction done once, grouped either by ground truth or by components.</summary>
internal sealed class GeneratedRiskCorpus
{
    private readonly List<(RiskAd Ad, string Group, bool Ring)> _ads;

    private GeneratedRiskCorpus(List<(RiskAd, string, bool)> ads) => _ads = ads;

    public static GeneratedRiskCorpus Build(int ads, int seed)
    {
        var extractor = new EntityExtractor();
        var list = CorpusGenerator.Generate(new CorpusOptions { Ads = ads, Seed = seed })
            .Select(g => (RiskAds.FromAd(g.Ad, extractor.Extract(g.Ad.Text, g.Ad.Country)), g.GroupId, g.GroupKind == "ring"))
            .ToList();
        return new GeneratedRiskCorpus(list);
    }

    public (RiskInput Input, HashSet<string> Rings) ByGroundTruth()
    {
        var clusters = _ads.GroupBy(a => a.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RiskCluster(g.Key, g.Select(a => a.Ad).ToList())).ToList();
        var rings = _ads.Where(a => a.Ring).Select(a => a.Group).ToHashSet(StringComparer.Ordinal);
        return (new RiskInput(clusters), rings);
    }

    public (RiskInput Input, HashSet<string> Rings) ByComponents()
    {
        var ordered = _ads.OrderBy(a => a.Ad.Key, StringComparer.Ordinal).ToList();
        var entityIndex = new Dictionary<(EntityType, string), int>();
        var linkAds = new List<int>();
        var linkEntities = new List<int>();
        for (var a = 0; a < ordered.Count; a++)
        {
            foreach (var e in ordered[a].Ad.Entities.Select(e => (e.Type, e.Value)).Distinct())
            {
                if (!entityIndex.TryGetValue(e, out var id))
                {
                    entityIndex[e] = id = entityIndex.Count;
                }

                linkAds.Add(a);
                linkEntities.Add(id);
            }
        }

        var types = new EntityType[entityIndex.Count];
        var values = new string[entityIndex.Count];
        foreach (var ((type, value), id) in entityIndex)
        {
            (types[id], values[id]) = (type, value);
        }

        var incidence = new AdEntityIncidence(ordered.Select(a => a.Ad.Key).ToArray(), types, values, [.. linkAds], [.. linkEntities]);
        var result = ComponentClusterer.Cluster(incidence);
        var clusters = new List<RiskCluster>();
        var rings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in result.Clusters)
        {
            clusters.Add(new RiskCluster(c.Id, c.AdIndexes.Select(i => ordered[i].Ad).ToList()));
            if (c.AdIndexes.Count(i => ordered[i].Ring) * 2 > c.Size)
            {
                rings.Add(c.Id);
            }
        }

        return (new RiskInput(clusters), rings);
    }
}
