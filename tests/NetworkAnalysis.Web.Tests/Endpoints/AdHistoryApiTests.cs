using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>The ad view's re-crawl history: what changed, per capture, as data the page renders as text.</summary>
public sealed class AdHistoryApiTests() : WorkbenchApiTestBase(WithRecrawl())
{
    internal const string Payload = "<img src=x onerror=alert(1)>";

    internal static WorkbenchCase WithRecrawl()
    {
        var testCase = new WorkbenchCase();
        var recrawl = Path.Combine(testCase.Folder, "recrawl.jsonl");
        File.WriteAllText(recrawl, $$"""{"id":"r4","title":"Amber {{Payload.Replace("\"", "\\\"", StringComparison.Ordinal)}}","body":"write amber@example.com or 702-555-0150","city":"Reno","posted_at":"2026-01-20T10:00:00Z","crawled_at":"2026-03-02T08:00:00Z"}""" + "\n");
        using var store = CaseStore.Open(testCase.Path);
        new CaseIngestor(store).Ingest(recrawl).Versions.ShouldBe(1);
        return testCase;
    }

    [Fact]
    public async Task Ad_RecrawledWithANewPhone_ShowsWhatChangedAndWhen()
    {
        long changed, unchanged;
        using (var store = CaseStore.Open(Case.Path))
        {
            changed = store.FindAdId("r4")!.Value;
            unchanged = store.FindAdId("r1")!.Value;
        }

        var ad = await Get("/api/ads/" + changed);
        var other = await Get("/api/ads/" + unchanged);

        var history = ad.GetProperty("history").EnumerateArray().ToList();
        history.Count.ShouldBe(1);
        history[0].GetProperty("version").GetInt32().ShouldBe(1);
        history[0].GetProperty("source").GetString().ShouldBe("recrawl.jsonl");
        var changes = history[0].GetProperty("changes").EnumerateArray().Select(c => c.GetString()).ToList();
        changes.ShouldContain("phone added on 2026-03-02: +17025550150");
        changes.ShouldContain(c => c!.StartsWith("title changed on 2026-03-02 from \"Amber again\" to \"Amber " + Payload, StringComparison.Ordinal));
        other.GetProperty("history").GetArrayLength().ShouldBe(0);
    }
}
