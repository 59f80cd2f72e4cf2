using NetworkAnalysis.Core.Clustering;

namespace NetworkAnalysis.Core.Tests.Clustering;

public sealed class ClusterLineageTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d", "e", "f"];

    [Fact]
    public void Compute_MergeSplitNewAndRetired_LabelsEachEdge()
    {
        // Given old clusters X={a,b}, Y={c}, Z={d,e}, W={z} (z removed) and new clusters {a,b,c}, {d}, {e}, {f}
        var old = new Dictionary<string, string> { ["a"] = "X", ["b"] = "X", ["c"] = "Y", ["d"] = "Z", ["e"] = "Z", ["z"] = "W" };
        var current = Result([0, 0, 0, 1, 2, 3]);

        // When
        var lineage = ClusterLineage.Compute(old, current, Keys);

        // Then
        string Id(int c) => current.Clusters[c].Id;
        lineage.ShouldContain(new LineageRecord("X", Id(0), LineageKind.Merged, 2));
        lineage.ShouldContain(new LineageRecord("Y", Id(0), LineageKind.Merged, 1));
        lineage.ShouldContain(new LineageRecord("Z", Id(1), LineageKind.Split, 1));
        lineage.ShouldContain(new LineageRecord("Z", Id(2), LineageKind.Split, 1));
        lineage.ShouldContain(new LineageRecord(null, Id(3), LineageKind.New, 1));
        lineage.ShouldContain(new LineageRecord("W", null, LineageKind.Retired, 0));
        lineage.Count.ShouldBe(6);
    }

    [Fact]
    public void Compute_SameClustersWithAGrownMember_Continued()
    {
        // Given old X={a,b}, Y={c}; new {a,b,d} and {c}
        var old = new Dictionary<string, string> { ["a"] = "X", ["b"] = "X", ["c"] = "Y" };
        var current = Result([0, 0, 1, 0]);

        // When
        var lineage = ClusterLineage.Compute(old, current, Keys[..4]);

        // Then: d is new but joined an existing cluster, so no New record
        lineage.Select(r => r.Kind).ShouldAllBe(k => k == LineageKind.Continued);
        lineage.Count.ShouldBe(2);
    }

    [Fact]
    public void Compute_SplitAndMergeAtOnce_SplitMerged()
    {
        // Given old X={a,b}, Y={c,d}; new {a,c}, {b}, {d}
        var old = new Dictionary<string, string> { ["a"] = "X", ["b"] = "X", ["c"] = "Y", ["d"] = "Y" };
        var current = Result([0, 1, 0, 2]);

        // When
        var lineage = ClusterLineage.Compute(old, current, Keys[..4]);

        // Then
        lineage.Where(r => r.NewId == current.Clusters[0].Id).Select(r => r.Kind).ShouldAllBe(k => k == LineageKind.SplitMerged);
        lineage.Where(r => r.NewId != current.Clusters[0].Id).Select(r => r.Kind).ShouldAllBe(k => k == LineageKind.Split);
    }

    [Fact]
    public void Compute_ByDenseAd_SameRecordsAsByAdKey()
    {
        // Given 300 ads: 0-99 stay in their old clusters of 10, 100-149 (old clusters of 10) merge into two, 150-199 are dealt
        // across two clusters (split and merged), 200-209 split in two, 210-249 stay, 250-289 are new ads in new clusters, 290-299 new ads joining cluster 0
        var keys = Enumerable.Range(0, 300).Select(i => $"ad-{i:D4}").ToArray();
        var labels = keys.Select((_, i) => i switch
        {
            < 100 => i / 10,
            < 150 => 10 + ((i - 100) / 25),
            < 200 => 12 + (i % 2),
            < 205 => 14,
            < 210 => 23,
            < 250 => 14 + ((i - 200) / 10),
            < 290 => 19 + ((i - 250) / 10),
            _ => 0,
        }).ToArray();
        var current = ComponentClusterer.FromPartition(keys, a => labels[a]);
        var old = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 250; i++)
        {
            old[keys[i]] = $"old-{i / 10:D2}";
        }

        // When
        var byKey = ClusterLineage.Compute(old, current, keys);
        var byAd = ClusterLineage.Compute(PreviousClustering.FromClusters(old, keys), current);

        // Then: the same records in the same order
        byAd.ShouldBe(byKey);
        byKey.Select(r => r.Kind).Distinct().Order().ShouldBe([LineageKind.New, LineageKind.Continued, LineageKind.Merged, LineageKind.Split, LineageKind.SplitMerged], ignoreOrder: true);
    }

    private static ClusteringResult Result(int[] labels) => ComponentClusterer.FromPartition(Keys[..labels.Length], a => labels[a]) is var r
        ? Relabel(r, labels)
        : throw new InvalidOperationException();

    /// <summary>Reorders clusters so cluster i is the one holding label i (FromPartition sorts by size).</summary>
    private static ClusteringResult Relabel(ClusteringResult r, int[] labels)
    {
        var clusters = Enumerable.Range(0, labels.Max() + 1).Select(l => r.Clusters[r.AdCluster[Array.IndexOf(labels, l)]]).ToList();
        return new ClusteringResult(clusters, labels);
    }
}
