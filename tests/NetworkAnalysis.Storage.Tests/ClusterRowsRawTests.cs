using NetworkAnalysis.Core.Clustering;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// A full save's cluster rows on a case file go through SQLite's own API (issue #21); what each row stores must be what the
/// provider's bound inserts stored: cohesion bit for bit, text exactly, integers as such, rows in ID order.
/// </summary>
public sealed class ClusterRowsRawTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void SaveClustering_Full_StoresEveryClusterRowAsGiven_CohesionBitForBit()
    {
        // Given: single-ad clusters with cohesions from 0 to double.MaxValue (subnormal, thirds, tenths, random) and non-ASCII or
        // control characters in some IDs, components and cities
        const int ads = 600;
        var lines = new List<string>(ads);
        for (var i = 0; i < ads; i++)
        {
            var city = i % 97 == 0 ? "Zürich" : i % 89 == 0 ? "Tromsø \"nord\"" : "Reno";
            var posted = $"2026-01-{1 + (i % 28):00}T00:00:00Z";
            lines.Add(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["id"] = $"ad{i}", ["body"] = "nothing here", ["city"] = city, ["posted_at"] = posted,
            }));
        }

        var file = _dir.Write("a.jsonl", string.Join('\n', lines));
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        var snapshot = store.LoadSnapshot();
        double[] special =
        [
            0.0, 1.0, 1.0 / 3, 0.1, 0.7, double.Epsilon, 2.2250738585072014E-308, 1e-30, Math.Pow(2, -62), Math.Pow(2, -63),
            Math.Pow(2, -72) * (1 + Math.Pow(2, -52)), Math.Pow(2, -124), Math.Pow(2, -125), 9007199254740991.0, 9007199254740992.0,
            -0.25, double.MaxValue,
        ];
        // IDs and components are printable ASCII in practice; a few here are not, and must come back as given
        string Id(int a) => a switch { 17 => "c-00017-\u00e9\ud83d\ude00", 401 => "c-00401\u0001", _ => $"c-{a:00000}" };
        string Component(int a) => a % 50 == 7 ? $"k-{a / 3:00000}-\u00f8" : $"k-{a / 3:00000}";
        var random = new Random(21);
        var clusters = new List<Cluster>(ads);
        var adCluster = new int[ads];
        for (var a = 0; a < ads; a++)
        {
            var cohesion = a < special.Length ? special[a] : random.NextDouble() * Math.Pow(2, -random.Next(0, 40));
            adCluster[a] = a;
            clusters.Add(new Cluster(Id(a), [a]) { Cohesion = cohesion, ComponentId = Component(a) });
        }

        var result = new ClusteringResult(clusters, adCluster);
        var runId = store.BeginRun("analyze", new { });

        // When
        store.SaveClustering(runId, snapshot, result);

        // Then
        var stored = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT cluster_id, cohesion, typeof(cohesion) FROM cluster_cohesion ORDER BY rowid;";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                r.GetString(2).ShouldBe("real");
                stored[r.GetString(0)] = r.GetDouble(1);
                order.Add(r.GetString(0));
            }
        }

        order.ShouldBe(clusters.Select(c => c.Id).Order(StringComparer.Ordinal).ToList());
        foreach (var c in clusters)
        {
            BitConverter.DoubleToInt64Bits(stored[c.Id]).ShouldBe(BitConverter.DoubleToInt64Bits(c.Cohesion), $"cohesion of {c.Id} ({c.Cohesion:R})");
        }

        var byId = clusters.ToDictionary(c => c.Id, StringComparer.Ordinal);
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT c.id, c.run_id, c.size, typeof(c.size), c.entities, c.cities, c.city_count, c.first_seen, c.last_seen, cc.component_id
                FROM clusters c JOIN cluster_components cc ON cc.cluster_id = c.id ORDER BY c.rowid;
                """;
            using var r = cmd.ExecuteReader();
            var n = 0;
            while (r.Read())
            {
                var c = byId[r.GetString(0)];
                var a = c.AdIndexes[0];
                r.GetInt64(1).ShouldBe(runId);
                r.GetInt32(2).ShouldBe(1);
                r.GetString(3).ShouldBe("integer");
                r.GetInt32(4).ShouldBe(0);
                r.GetString(5).ShouldBe(System.Text.Json.JsonSerializer.Serialize(new[] { snapshot.AdCities[a] }));
                r.GetInt32(6).ShouldBe(1);
                r.GetString(7).ShouldBe(snapshot.AdPostedAt[a]);
                r.GetString(8).ShouldBe(snapshot.AdPostedAt[a]);
                r.GetString(9).ShouldBe(c.ComponentId);
                n++;
            }

            n.ShouldBe(ads);
        }

        // Memberships go as JSON (session 14: each ID's literal encoded once): the odd IDs come back as given
        var membership = StoredMemberships(store);
        membership.Count.ShouldBe(ads);
        for (var a = 0; a < ads; a++)
        {
            membership[snapshot.AdRowIds[a]].ShouldBe(clusters[adCluster[a]].Id);
        }
    }

    [Fact]
    public void AdsInRowOrder_DenseShuffledOrSparseRows_OrdersDenseAdsByRowId()
    {
        // Given: row IDs dense and shuffled (placed by row), and sparse (sorted), as dense ads in ad key order have them
        var random = new Random(14);
        long[] dense = [.. Enumerable.Range(1, 1000).Select(i => (long)i).OrderBy(_ => random.Next())];
        long[] sparse = [.. Enumerable.Range(1, 1000).Select(i => (i * 7919L) + (i % 3 == 0 ? 1_000_000 : 0)).OrderBy(_ => random.Next())];
        long[] gaps = [.. dense.Select(r => r % 2 == 0 ? r * 3 : r)];
        foreach (var rows in new[] { dense, sparse, gaps, [], [42L] })
        {
            // When
            var order = CaseStore.AdsInRowOrder(rows);

            // Then
            order.Select(a => rows[a]).ShouldBe(rows.Order().ToArray());
            order.Order().ShouldBe(Enumerable.Range(0, rows.Length).ToArray());
        }
    }

    [Fact]
    public void SaveClustering_Full_IdsOfOneWidth_EveryAdsMembershipIsItsClustersId()
    {
        // Given: 500 ads in clusters of one to nine ads whose IDs all have one width (as the engine's do), so each literal is
        // found by its index times that width; the clusters interleave (ad a in cluster a % 67), so ads go in row order
        // while their clusters jump about
        const int ads = 500;
        var (store, snapshot) = PlainAds(ads);
        using var _ = store;
        var members = Enumerable.Range(0, 67).Select(_ => new List<int>()).ToList();
        for (var a = 0; a < ads; a++)
        {
            members[a % 67].Add(a);
        }

        var clusters = members.Select((m, c) => new Cluster($"C{(c * 2654435761L) & 0xFFFF_FFFF_FFFFL:x16}", m)).ToList();
        var adCluster = Enumerable.Range(0, ads).Select(a => a % 67).ToArray();
        var runId = store.BeginRun("analyze", new { });

        // When
        store.SaveClustering(runId, snapshot, new ClusteringResult(clusters, adCluster));

        // Then
        var stored = StoredMemberships(store);
        stored.Count.ShouldBe(ads);
        for (var a = 0; a < ads; a++)
        {
            stored[snapshot.AdRowIds[a]].ShouldBe(clusters[a % 67].Id);
        }
    }

    [Fact]
    public void ClusterOfAd_TakesTheResultsAdCluster_OnlyWhenItAgreesWithTheClusters()
    {
        // Given: three ads in two clusters, with the result's ad-to-cluster array right, of the wrong length, pointing a
        // cluster's first ad elsewhere, or missing an ad (sizes short of the ad count)
        var file = _dir.Write("a.jsonl", "{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\"x\"}\n{\"id\":\"c\",\"body\":\"x\"}");
        using var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        var snapshot = store.LoadSnapshot();
        List<Cluster> two = [new Cluster("C1", [0, 2]), new Cluster("C2", [1])];
        var right = new ClusteringResult(two, [0, 1, 0]);

        // When / Then: the right one is used as it is; the others are rebuilt from the clusters' own ad lists
        CaseStore.ClusterOfAd(snapshot, right).ShouldBeSameAs(right.AdCluster);
        CaseStore.ClusterOfAd(snapshot, new ClusteringResult(two, [0, 1])).ShouldBe([0, 1, 0]);
        CaseStore.ClusterOfAd(snapshot, new ClusteringResult(two, [1, 0, 0])).ShouldBe([0, 1, 0]);
        CaseStore.ClusterOfAd(snapshot, new ClusteringResult([new Cluster("C1", [0, 2])], [0, 0, 0])).ShouldBe([0, -1, 0]);
    }

    [Fact]
    public void SaveClustering_Full_TwoClustersOfOneId_FailsAndKeepsTheStoredClustering()
    {
        // Given: 200 ads saved once in 100 clusters of two; then a result whose 70th and 71st clusters (sorted by ID, so the
        // second batch of 64 cluster rows) share an ID: the cluster inserts (INSERT OR FAIL, session 18) stop there with
        // rows of that batch already written
        const int ads = 200;
        var (store, snapshot) = PlainAds(ads);
        using var _ = store;
        ClusteringResult Pairs(Func<int, string> id) => new(
            [.. Enumerable.Range(0, ads / 2).Select(c => new Cluster(id(c), [2 * c, (2 * c) + 1]))],
            [.. Enumerable.Range(0, ads).Select(a => a / 2)]);
        store.SaveClustering(store.BeginRun("analyze", new { }), snapshot, Pairs(c => $"C{c:x16}"));
        string Dump(string sql)
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i).ToString())));
            }

            return string.Join('\n', rows);
        }

        const string everything = """
            SELECT 'c', id, size FROM clusters UNION ALL SELECT 'k', cluster_id, component_id FROM cluster_components
            UNION ALL SELECT 'h', cluster_id, cohesion FROM cluster_cohesion UNION ALL SELECT 'm', ad, cluster_id FROM memberships ORDER BY 1, 2, 3;
            """;
        var before = Dump(everything);

        // When
        var save = () => store.SaveClustering(store.BeginRun("analyze", new { }), snapshot, Pairs(c => $"D{(c == 70 ? 69 : c):x16}"));

        // Then: the save fails on the duplicate and nothing of it stays: the first save's rows are all there, as they were
        Should.Throw<Microsoft.Data.Sqlite.SqliteException>(save).Message.ShouldContain("UNIQUE");
        Dump(everything).ShouldBe(before);
        before.ShouldContain("C0000000000000063");
        before.ShouldNotContain("D000");
    }

    /// <summary>Each stored membership: ad row ID to cluster ID.</summary>
    private static Dictionary<long, string> StoredMemberships(CaseStore store)
    {
        var stored = new Dictionary<long, string>();
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT ad, cluster_id FROM memberships;";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            stored[r.GetInt64(0)] = r.GetString(1);
        }

        return stored;
    }

    /// <summary>A new case of <paramref name="ads"/> ads with nothing to extract, and its snapshot.</summary>
    private (CaseStore Store, CaseSnapshot Snapshot) PlainAds(int ads)
    {
        var file = _dir.Write("a.jsonl", string.Join('\n', Enumerable.Range(0, ads).Select(i => $$"""{"id":"ad{{i}}","body":"nothing"}""")));
        var store = CaseStore.Open(_dir.File("c.case"), create: true);
        new CaseIngestor(store).Ingest(file);
        return (store, store.LoadSnapshot());
    }
}
