using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Risk;
using Xunit.Abstractions;

namespace NetworkAnalysis.Core.Tests.Risk;

/// <summary>
/// Pins every assessment (score, contributions, strengths, evidence spans, subjects, summaries) of seeded corpora to
/// a SHA-256 computed with the scorer as it was before the fact-building speed work (issue 6), so that work cannot
/// change a single score or evidence item. If an intended scoring change breaks this, recompute the hash with the
/// new scorer and say so in the commit.
/// </summary>
public sealed class RiskScorePinTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Score_GeneratedCorpusComponents_MatchesPreChangeChecksum(int threads)
    {
        // Given the generated corpus (6,000 ads, seed 11) clustered by shared identifiers
        var (input, _) = GeneratedRiskCorpus.Build(6_000, 11).ByComponents();

        // When scored with the default set
        var hash = Checksum(new RiskScorer(IndicatorSet.Default, new RiskScorerOptions { MaxDegreeOfParallelism = threads }).Score(input));

        // Then every assessment is what the pre-change scorer produced
        hash.ShouldBe(GeneratedComponentsHash);
    }

    [Fact]
    public void Score_GeneratedCorpusGroundTruth_MatchesPreChangeChecksum()
    {
        var (input, _) = GeneratedRiskCorpus.Build(6_000, 11).ByGroundTruth();
        Checksum(new RiskScorer(IndicatorSet.Default).Score(input)).ShouldBe(GeneratedGroundTruthHash);
    }

    [Fact]
    public void Score_SyntheticCorpus_MatchesPreChangeChecksum()
    {
        var (input, _) = SyntheticRiskCorpus.Build(5, 40, 200);
        Checksum(new RiskScorer(IndicatorSet.Default).Score(input)).ShouldBe(SyntheticHash);
    }

    // Computed with the scorer at commit 2cbdba2 (before the issue-6 fact-building changes); the two generated-corpus pins
    // recomputed for issue 15's intended changes (names introduced as "Sasha is new in town" count as names, keycap /
    // full-width / spaced-out numbers count as obfuscated). All three recomputed for issue 19's out_of_area indicator
    // (weight 6 changes every score's normalisation); with its weight set to 0 the previous hashes (edaa0833…,
    // c84c8e2d…, dedf98e7…) were reproduced, so nothing else changed.
    private const string GeneratedComponentsHash = "4da5370343ff288ce43cc6df1a974d0e5e4d6df5a266b3ab5578c2dcbd6faf8a";
    private const string GeneratedGroundTruthHash = "277f7b1bef61da9444872dc3b4cd5d6c6dbbb3dbbd7fcc452182907bd02c1263";
    private const string SyntheticHash = "7249dec9418d04755b73d37bd8e47f1c1519ff9933e6f5377d8a15adbba47726";

    private string Checksum(RiskScoringResult result)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var fired = 0;
        foreach (var a in result.Assessments)
        {
            sb.Append(inv, $"{a.ClusterId}|{a.AdCount}|{a.Score:R}\n");
            foreach (var c in a.Contributions)
            {
                fired++;
                sb.Append(inv, $" {c.IndicatorId}|{c.Strength:R}|{c.Points:R}|{c.IsReviewFlag}|{c.Caution}|{c.Summary}\n");
                foreach (var s in c.Subjects)
                {
                    sb.Append(inv, $"  s {s.Type}|{s.Value}\n");
                }

                foreach (var e in c.Evidence)
                {
                    sb.Append(inv, $"  e {e.AdKey}|{e.Start}|{e.End}|{e.Note}\n");
                }
            }
        }

        // Guard against a vacuous pin: the corpus must make indicators fire.
        fired.ShouldBeGreaterThan(result.Assessments.Count / 4);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        output.WriteLine($"{result.Assessments.Count} assessments, {fired} contributions, sha256 {hash}");
        return hash;
    }
}
