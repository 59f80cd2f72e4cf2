using System.Globalization;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Incremental analysis when photo weak links appear or vanish between ads that were already clustered.</summary>
/// <remarks>
/// A weak link that only touches new ads, or that joins two components, changes a component's ad set, and the engine
/// never reuses a component whose ad set changed. The case the change detection of <c>CaseAnalyzer</c> exists for is a
/// weak link between two old ads of one unchanged component: it appears or vanishes when a further ingest flips the hub
/// rule of its photo family (a family spanning more than ten identifier groups gives no weak links). Here that
/// component is two rings of fifteen ads joined by one ad naming both rings' phones: without weak links it is split
/// into the rings; with every ring ad showing the same photo, the weak links hold the rings together as one cluster.
/// </remarks>
public sealed partial class CaseIncrementalAnalysisTests
{
    // The rings' photo; family members elsewhere differ from it in 5 bits of their own (similarity 0.92: below the
    // 0.95 join threshold, so they never join components, but within the pHash match threshold of 10 bits, so all
    // are one family; two members differ from each other in 10 bits).
    private const ulong RingPhoto = 0x0123456789abcdefUL;

    [Fact]
    public void Analyze_FurtherIngestMakesThePhotoFamilyAHub_WeakLinksInsideAnUnchangedComponentVanish_EqualsFullAnalysis()
    {
        // Given the two rings and nine loners showing variants of the rings' photo: ten identifier groups, weak links kept
        var a = _dir.Write("a.jsonl", Lines(RingsWithPhoto().Concat(Enumerable.Range(0, 9).Select(Loner))));
        // and a further ingest of a tenth loner with a variant: eleven groups, so the family becomes a hub
        var b = _dir.Write("b.jsonl", Lines([Loner(9)]));
        using var store = CaseStore.Open(_dir.File("vanish.case"), create: true);
        new CaseIngestor(store).Ingest(a);
        new CaseAnalyzer(store).Analyze();
        var weakBefore = store.LoadWeakLinks(store.LoadSnapshot());
        var before = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);

        // When the further ingest is analysed incrementally
        new CaseIngestor(store).Ingest(b);
        var second = new CaseAnalyzer(store).Analyze();

        // Then the weak links held the rings together before and are gone now, so the rings are split
        weakBefore.Count(w => w.Kind == WeakLinkKind.ImageNearDuplicate).ShouldBeGreaterThan(0);
        store.LoadWeakLinks(store.LoadSnapshot()).ShouldBeEmpty();
        before["ra0"].ShouldBe(before["rb0"]);
        var after = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        after["ra0"].ShouldNotBe(after["rb0"]);
        after["ra0"].ShouldBe(after["ra14"]);
        after["rb0"].ShouldBe(after["rb14"]);
        // and the run was incremental yet recomputed the rings' component: it equals a full analysis of both batches
        second.Incremental.ShouldBeTrue();
        second.Statistics.ComponentsReused.ShouldBe(1);
        ShouldEqualFullAnalysis(store, a, b);
    }

    [Fact]
    public void Analyze_FurtherIngestMergesTwoIdentifierGroups_WeakLinksInsideAnUnchangedComponentAppear_EqualsFullAnalysis()
    {
        // Given the two rings and ten loners showing variants of the rings' photo: eleven identifier groups, a hub family
        var a = _dir.Write("a.jsonl", Lines(RingsWithPhoto().Concat(Enumerable.Range(0, 10).Select(Loner))));
        // and a further ingest of an ad naming two loners' phones (and showing a variant of its own): ten groups, no hub
        var b = _dir.Write("b.jsonl", Lines([Ad("joiner", $"{LonerPhone(0)} or {LonerPhone(1)}", Variant(11))]));
        using var store = CaseStore.Open(_dir.File("appear.case"), create: true);
        new CaseIngestor(store).Ingest(a);
        new CaseAnalyzer(store).Analyze();
        var weakBefore = store.LoadWeakLinks(store.LoadSnapshot());
        var before = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);

        // When the further ingest is analysed incrementally
        new CaseIngestor(store).Ingest(b);
        var second = new CaseAnalyzer(store).Analyze();

        // Then the rings were split while the family was a hub, and the weak links that appeared join their clusters
        weakBefore.ShouldBeEmpty();
        before["ra0"].ShouldNotBe(before["rb0"]);
        var weakAfter = store.LoadWeakLinks(store.LoadSnapshot());
        var keys = store.LoadSnapshot().Incidence.AdKeys;
        weakAfter.ShouldContain(w => keys[w.AdA].StartsWith("ra", StringComparison.Ordinal) && keys[w.AdB].StartsWith("rb", StringComparison.Ordinal)
            || keys[w.AdA].StartsWith("rb", StringComparison.Ordinal) && keys[w.AdB].StartsWith("ra", StringComparison.Ordinal));
        var after = store.Memberships().ToDictionary(m => m.AdKey, m => m.ClusterId);
        after["ra0"].ShouldBe(after["rb0"]);
        after["joiner"].ShouldNotBe(after["ra0"]);
        // and the run was incremental yet recomputed the rings' component: it equals a full analysis of both batches
        second.Incremental.ShouldBeTrue();
        second.Statistics.ComponentsReused.ShouldBe(1);
        ShouldEqualFullAnalysis(store, a, b);
    }

    private void ShouldEqualFullAnalysis(CaseStore store, string a, string b)
    {
        using var fresh = CaseStore.Open(_dir.File(Path.GetRandomFileName() + ".case"), create: true);
        new CaseIngestor(fresh).Ingest(a);
        new CaseIngestor(fresh).Ingest(b);
        var full = new CaseAnalyzer(fresh).Analyze(null, full: true);
        full.Incremental.ShouldBeFalse();
        store.Memberships().Select(m => (m.AdKey, m.ClusterId)).ShouldBe(fresh.Memberships().Select(m => (m.AdKey, m.ClusterId)));
        static string Summary(ClusterSummary c) => $"{c.Id} {c.Size} {c.Phones} {c.Emails} {c.Entities} {string.Join('|', c.Cities)} {c.FirstSeen} {c.LastSeen}";
        store.ListClusters().Select(Summary).ShouldBe(fresh.ListClusters().Select(Summary));
    }

    /// <summary>
    /// Rings a and b (fifteen ads, a phone and an e-mail each, every ad showing the photo), ad rb99 naming both phones,
    /// and an unrelated ring without photos (the component an incremental run reuses).
    /// </summary>
    private static IEnumerable<string> RingsWithPhoto() =>
        Enumerable.Range(0, 15).Select(i => Ad($"ra{i}", $"{Phone(900)} or ring-a@example.com", RingPhoto))
            .Concat(Enumerable.Range(0, 15).Select(i => Ad($"rb{i}", $"{Phone(901)} or ring-b@example.com", RingPhoto)))
            .Append(Ad("rb99", $"{Phone(901)} or ring-b@example.com, also {Phone(900)}", null))
            .Concat(Enumerable.Range(0, 3).Select(i => Ad($"other{i}", Phone(990))));

    /// <summary>A one-ad group with its own phone, showing the photo with 5 bits of its own flipped (loner k flips bits 5k..5k+4).</summary>
    private static string Loner(int k) => Ad($"loner{k}", LonerPhone(k), Variant(k));

    private static ulong Variant(int k) => RingPhoto ^ (0x1FUL << (5 * k));

    private static string LonerPhone(int k) => Phone(950 + k);

    private static string Ad(string id, string body, ulong? photo) => photo is { } p
        ? $$"""{"id":"{{id}}","body":"call {{body}}","image_hashes":"phash:{{p.ToString("x16", CultureInfo.InvariantCulture)}}"}"""
        : Ad(id, body);
}
