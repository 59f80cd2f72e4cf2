using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Generation;
using NetworkAnalysis.Core.Risk;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// The stored analysis of a generated corpus is byte-for-byte what it was before the analyze speed work of issue #21:
/// memberships, stable cluster IDs, cluster summaries, cohesion, components, hubs, group counts, weak links, lineage and
/// risk scores, hashed in a fixed order.
/// </summary>
/// <remarks>
/// The expected hashes were obtained by running these tests on main's code at commit 5e4b3d6 (before any change to loading
/// or saving the analysis) with the constants blank and copying the printed actual values. A legitimate change to
/// clustering, scoring or the generator changes them; a change that only makes analyze faster must not.
/// </remarks>
public sealed class AnalysisFingerprintTests : IDisposable
{
    private const string FullFingerprint = "171c24b0bbb6d396c776b8d9f6812ae75c67f4ede7d24eb41f8d89c58dc682a8";
    private const string IncrementalFingerprint = "85cde55930a86722de43dcf5c6ac9a1eea76c3d8731ca1989b383a2721212eb0";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Analyze_GeneratedCorpus_FullRunAndScores_MatchFingerprintFromBeforeSpeedWork()
    {
        // Given 4,000 generated ads (seed 21) ingested into a fresh case
        var (first, second) = Corpus();
        using var store = CaseStore.Open(_dir.File("full.case"), create: true);
        new CaseIngestor(store).Ingest(first);
        new CaseIngestor(store).Ingest(second);

        // When the case is analysed (full) and scored with the default indicators
        new CaseAnalyzer(store).Analyze().Incremental.ShouldBeFalse();
        new CaseRiskScorer(store).Score(IndicatorSet.Default, null);

        // Then the stored analysis hashes to what main's code stored
        Fingerprint(store).ShouldBe(FullFingerprint);
    }

    [Fact]
    public void Analyze_GeneratedCorpus_IncrementalRunLineageAndScores_MatchFingerprintFromBeforeSpeedWork()
    {
        // Given the first 3,000 of the ads ingested and analysed, then the last 1,000 ingested
        var (first, second) = Corpus();
        using var store = CaseStore.Open(_dir.File("inc.case"), create: true);
        new CaseIngestor(store).Ingest(first);
        new CaseAnalyzer(store).Analyze();
        new CaseIngestor(store).Ingest(second);

        // When the case is analysed again (incrementally) and scored
        new CaseAnalyzer(store).Analyze().Incremental.ShouldBeTrue();
        new CaseRiskScorer(store).Score(IndicatorSet.Default, null);

        // Then the stored analysis, lineage included, hashes to what main's code stored
        Fingerprint(store).ShouldBe(IncrementalFingerprint);
    }

    private (string First, string Second) Corpus()
    {
        var ads = CorpusGenerator.Generate(new CorpusOptions { Ads = 4000, Seed = 21 });
        var lines = new StringWriter();
        CorpusWriter.WriteJsonLines(ads, lines);
        var all = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        all.Length.ShouldBe(4000);
        return (_dir.Write("a.jsonl", string.Join('\n', all[..3000]) + "\n"), _dir.Write("b.jsonl", string.Join('\n', all[3000..]) + "\n"));
    }

    /// <summary>SHA-256 over the analysis tables, each read in a total order and keyed by ad key / entity value, not row IDs.</summary>
    private static string Fingerprint(CaseStore store)
    {
        var text = new StringBuilder();
        void Dump(string name, string sql)
        {
            text.Append("## ").Append(name).Append('\n');
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var v = r.GetValue(i);
                    text.Append(i == 0 ? "" : "\t").Append(v switch
                    {
                        DBNull => "NULL",
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
                    });
                }

                text.Append('\n');
            }
        }

        Dump("memberships", "SELECT a.ad_key, m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad ORDER BY a.ad_key;");
        Dump("clusters", "SELECT id, size, phones, emails, entities, cities, city_count, first_seen, last_seen FROM clusters ORDER BY id;");
        Dump("components", "SELECT cluster_id, component_id FROM cluster_components ORDER BY cluster_id;");
        Dump("cohesion", "SELECT cluster_id, cohesion FROM cluster_cohesion ORDER BY cluster_id;");
        Dump("hubs", "SELECT e.type, e.value, h.reason, h.ads, h.groups_joined FROM hub_entities h JOIN entities e ON e.id = h.entity ORDER BY e.type, e.value;");
        Dump("groups", "SELECT e.type, e.value, g.groups_joined FROM entity_groups g JOIN entities e ON e.id = g.entity ORDER BY e.type, e.value;");
        Dump("weak_links", """
            SELECT a.ad_key, b.ad_key, w.kind, w.similarity FROM weak_links w JOIN ads a ON a.id = w.ad_a JOIN ads b ON b.id = w.ad_b
            ORDER BY a.ad_key, b.ad_key, w.kind;
            """);
        Dump("lineage", "SELECT old_id, new_id, kind, shared_ads FROM cluster_lineage ORDER BY old_id, new_id, kind, shared_ads;");
        Dump("scores", "SELECT cluster_id, score, needs_review, contributions FROM scores ORDER BY cluster_id;");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
