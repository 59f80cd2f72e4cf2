using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>The workbench (read-only, as <c>netan serve</c> runs it on a PostgreSQL case so far) over a case copied to
/// PostgreSQL answers every read exactly as it does over the case file (issue #22).</summary>
public sealed class PostgresCaseApiTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [SkippableFact]
    public async Task Reads_OnThePostgresCopy_AnswerExactlyAsOnTheCaseFile()
    {
        // Given: the test case, and its verified copy on PostgreSQL, each behind a read-only workbench
        Prerequisite.RequirePostgres();
        using var testCase = new WorkbenchCase(("x1", "Ivy here", "ring 702-555-0142 or write ivy@example.com", null));
        var remote = database.Schema();
        CaseCopier.Copy(testCase.Path, remote).Verified.ShouldBeTrue();
        using var onFile = new WorkbenchFactory(testCase.Options(readOnly: true));
        using var onServer = new WorkbenchFactory(testCase.Options(readOnly: true) with { CasePath = remote });
        using var fileClient = onFile.CreateClient();
        using var serverClient = onServer.CreateClient();
        string cluster, ad, entity;
        using (var store = CaseStore.Open(testCase.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            ad = store.FindAdId(store.Memberships().First(m => m.ClusterId == cluster).AdKey)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            entity = store.Search("702-555-0142").First(h => h.EntityId is not null).EntityId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string[] urls =
        [
            "/api/clusters", "/api/clusters?sort=city", "/api/clusters?sort=recency", "/api/clusters?sort=risk&city=re", $"/api/clusters/{cluster}",
            $"/api/clusters/{cluster}/graph", $"/api/clusters/{cluster}/structure", $"/api/clusters/{cluster}/timeline.svg",
            $"/api/clusters/{cluster}/movement.svg", $"/api/clusters/{cluster}/decisions", $"/api/clusters/{cluster}/annotations",
            $"/api/ads/{ad}", $"/api/entities/{entity}/ads", "/api/search?q=702-555-0142", "/api/search?q=glitterfox", "/api/search?q=amber",
            "/api/decisions", "/api/clusters/C_none", "/api/ads/999999",
        ];
        foreach (var url in urls)
        {
            // When
            using var a = await fileClient.GetAsync(url);
            using var b = await serverClient.GetAsync(url);

            // Then
            a.StatusCode.ShouldBe(url.EndsWith("C_none", StringComparison.Ordinal) || url.EndsWith("999999", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, url);
            b.StatusCode.ShouldBe(a.StatusCode, url);
            (await b.Content.ReadAsStringAsync()).ShouldBe(await a.Content.ReadAsStringAsync(), url);
        }

        // Then: the case is named by its locator, and a change is refused as on any read-only workbench
        var info = await serverClient.GetFromJsonAsync<JsonElement>("/api/info");
        info.GetProperty("casePath").GetString().ShouldBe(remote);
        using var write = new HttpRequestMessage(HttpMethod.Post, $"/api/clusters/{cluster}/annotations") { Content = JsonContent.Create(new { note = "x" }) };
        write.Headers.Add("X-Netan-Request", "1");
        (await serverClient.SendAsync(write)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
