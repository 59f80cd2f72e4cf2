using System.Globalization;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>
/// Extending the graph snapshot file by a further ingest larger than what the file holds (issue #21 at scale: the 10 million-ad
/// run extended 3.76 million ads by 6.24 million): the new ads and identifiers of several types are sorted into SQLite's order
/// and the new links merged, and the result equals the graph loaded from the tables, array for array.
/// </summary>
public sealed class CaseSnapshotExtendTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_AfterAFurtherIngestLargerThanTheSnapshot_EqualsLoadingTheTables()
    {
        // Given a case of 30 ads analysed once (which writes CASE.graph)
        using var store = CaseStore.Open(_dir.File("x.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("a.jsonl", Lines(Enumerable.Range(0, 30).Select(i => Ad($"m{i * 4:D3}", i)))));
        new CaseAnalyzer(store).Analyze();

        // and 90 more ads (plain keys between and after the old ones) with new and old phones, e-mails and Snapchat names
        new CaseIngestor(store).Ingest(_dir.Write("b.jsonl", Lines(Enumerable.Range(0, 90).Select(i => Ad($"m{(i * 4) + 1 + (i % 3):D3}", i + 17)))));

        // When the graph is loaded for the next analysis
        var loaded = store.LoadAnalysisSnapshot(CancellationToken.None, out _, out var note);

        // Then it came from the file, holds several identifier types, and equals the graph loaded from the tables
        note.ShouldBeNull();
        loaded.FromGraphSnapshot.ShouldBeTrue();
        loaded.Incidence.EntityTypes.Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        var tables = store.LoadSnapshot();
        loaded.Incidence.AdKeys.ShouldBe(tables.Incidence.AdKeys);
        loaded.AdRowIds.ShouldBe(tables.AdRowIds);
        loaded.Incidence.EntityTypes.ShouldBe(tables.Incidence.EntityTypes);
        loaded.Incidence.EntityValues.ShouldBe(tables.Incidence.EntityValues);
        loaded.EntityRowIds.ShouldBe(tables.EntityRowIds);
        loaded.Incidence.LinkAds.ShouldBe(tables.Incidence.LinkAds);
        loaded.Incidence.LinkEntities.ShouldBe(tables.Incidence.LinkEntities);
        loaded.AdCities.ShouldBe(tables.AdCities);
        loaded.AdPostedAt.ShouldBe(tables.AdPostedAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SortNew_OrdersByTypeNameThenValue_AsCompareUtf8(bool highUnits)
    {
        // Given identifiers of types whose declaration order differs from their names' order, with values that are plain or
        // (highUnits) hold a private-use character or a surrogate pair, which UTF-16 and UTF-8 order differently
        string[] alphabet = highUnits ? ["a", "b", "\ue000", "\U0001F600", "\uffff"] : ["a", "b", "c", "0"];
        EntityType[] types = [EntityType.Phone, EntityType.Email, EntityType.Btc, EntityType.Snapchat, EntityType.Cashtag];
        var random = new Random(5);
        var items = new List<(long Row, EntityType Type, string Value)>();
        var seen = new HashSet<(EntityType, string)>();
        while (items.Count < 400)
        {
            var type = types[random.Next(types.Length)];
            var value = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            if (seen.Add((type, value)))
            {
                items.Add((items.Count, type, value));
            }
        }

        var expected = items.ToList();
        expected.Sort((x, y) =>
        {
            var byType = CaseStore.CompareUtf8(x.Type.ToName(), y.Type.ToName());
            return byType != 0 ? byType : CaseStore.CompareUtf8(x.Value, y.Value);
        });

        // When they are sorted as the snapshot's extension sorts new entities, and their values alone as it sorts new ads' keys
        var sorted = items.ToList();
        CaseStore.SortNew(sorted, e => e.Value, e => e.Type);
        var values = items.Select(e => e.Value).Distinct().ToList();
        CaseStore.SortNew(values, v => v, null);

        // Then both orders are SQLite's (and the declaration order of the types would not have given it)
        sorted.ShouldBe(expected);
        values.ShouldBe(values.Order(Comparer<string>.Create(CaseStore.CompareUtf8)).ToList());
        items.OrderBy(e => e.Type).ThenBy(e => e.Value, Comparer<string>.Create(CaseStore.CompareUtf8)).SequenceEqual(expected).ShouldBeFalse();
        if (highUnits)
        {
            values.Order(StringComparer.Ordinal).SequenceEqual(values).ShouldBeFalse();
        }
    }

    /// <summary>An ad with a phone shared by every fourth ad, an e-mail by every fifth and a Snapchat name by every sixth.</summary>
    private static string Ad(string id, int i) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["id"] = id, ["site"] = "s.example",
            ["body"] = string.Create(CultureInfo.InvariantCulture, $"call 702-555-{1000 + (i / 4):D4} or mail me{i / 5}@mail.example, snap: sn{i / 6}x"),
            ["city"] = (i % 3) switch { 0 => "Las Vegas", 1 => "Reno", _ => null },
            ["posted_at"] = string.Create(CultureInfo.InvariantCulture, $"2026-02-{1 + (i % 28):D2}T10:00:00Z"),
        });

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";
}
