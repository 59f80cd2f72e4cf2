using System.Net;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Security;

/// <summary>What must not leave the machine or the case: files outside the input folder, and audit entries made by other sites.</summary>
public sealed class WorkbenchLeakTests : IDisposable
{
    private readonly TempFolder _outside = new();
    private readonly WorkbenchCase _case = WorkbenchCase.WithRows(
        new { id = "s1", title = "Links", body = "call 702-555-0150", images = "img/link.png;img/notes.png;img/p2.jpg" });

    public void Dispose()
    {
        _case.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public async Task ImageEndpoint_NeverSendsAFileOutsideTheInputFolder_OrBytesThatAreNotAnImage()
    {
        // Given: after ingest, a photo path became a symbolic link to a file outside the input's folder, another photo
        // is text named .png, and a third is a link inside the folder to the real photo
        var secret = _outside.Write("secret.txt", "root:x:0:0:root:/root:/bin/bash");
        File.CreateSymbolicLink(Path.Combine(_case.Folder, "img", "link.png"), secret);
        File.WriteAllText(Path.Combine(_case.Folder, "img", "notes.png"), "not an image at all");
        File.CreateSymbolicLink(Path.Combine(_case.Folder, "img", "p2.jpg"), Path.Combine(_case.Folder, "img", "p1.jpg"));
        using var factory = new WorkbenchFactory(_case.Options());
        using var client = factory.CreateClient();
        long id;
        using (var store = CaseStore.Open(_case.Path))
        {
            id = store.FindAdId("s1")!.Value;
        }

        // When
        var link = await client.GetAsync($"/api/ads/{id}/images/0");
        var text = await client.GetAsync($"/api/ads/{id}/images/1");
        var inside = await client.GetAsync($"/api/ads/{id}/images/2");

        // Then: the placeholder instead of the secret or the text; the link that stays inside is served
        link.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await link.Content.ReadAsStringAsync()).ShouldNotContain("root:x:0");
        text.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await text.Content.ReadAsStringAsync()).ShouldNotContain("not an image");
        inside.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task CrossSiteRequests_AreRefused_AndLeaveNoTraceInTheCase()
    {
        // Given: a workbench on loopback without a token, and the case's audit log length
        using var factory = new WorkbenchFactory(_case.Options());
        using var client = factory.CreateClient();
        string cluster;
        int before;
        using (var store = CaseStore.Open(_case.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            before = store.RecentAudit(1000, null).Count;
        }

        // When: another site's page makes the browser search, view and export (image tags, links, fetch)
        var attempts = new List<HttpResponseMessage>();
        foreach (var (url, header, value) in new[]
                 {
                     ("/api/search?q=702-555-0142", "Sec-Fetch-Site", "cross-site"),
                     ($"/api/clusters/{cluster}/export/graphml", "Sec-Fetch-Site", "cross-site"),
                     ($"/api/clusters/{cluster}", "Sec-Fetch-Site", "same-site"),
                     ("/api/search?q=amber", "Origin", "http://attacker.example"),
                     ("/api/search?q=amber", "Origin", "null"),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add(header, value);
            attempts.Add(await client.SendAsync(request));
        }

        // ... and the workbench's own page does the same
        using var own = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=amber");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        var ownResponse = await client.SendAsync(own);

        // Then: every cross-site request is refused before it reads or writes anything; the workbench's is served and audited
        attempts.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Forbidden);
        ownResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var after = CaseStore.Open(_case.Path);
        var entries = after.RecentAudit(1000, null);
        entries.Count.ShouldBe(before + 1);
        entries.ShouldNotContain(e => e.Action.StartsWith("export", StringComparison.Ordinal) || e.Target.Contains("702-555-0142", StringComparison.Ordinal));
    }
}
