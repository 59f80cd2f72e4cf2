using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>Two <c>netan serve</c> processes on one PostgreSQL case (a team behind a load balancer, issue #22): one login,
/// one logout, one set of decisions and sign-offs, whichever process a request reaches; a restart keeps the logins.</summary>
[Collection(ProcessCollection.Name)]
public sealed class PostgresTwoServersTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task TwoServeProcesses_ShareLoginsLogoutsAndWork_ReviewerCannotWrite_ARestartKeepsTheLogins()
    {
        // Given: an analysed case copied to PostgreSQL, with an analyst and a reviewer invited, and two `netan serve` on it
        Prerequisite.RequirePostgres();
        var path = _dir.File("team.case");
        string cluster, adA, adB;
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(TestCorpus.Write(_dir.Path, 400, seed: 171, "ads.jsonl"));
            new CaseAnalyzer(store).Analyze();
            cluster = store.ListClusters(minSize: 2, limit: 1).Single().Id;
            var members = store.Memberships().Where(m => m.ClusterId == cluster).Select(m => m.AdKey).Order(StringComparer.Ordinal).ToList();
            (adA, adB) = (members[0], members[1]);
        }

        var remote = database.Schema();
        CaseCopier.Copy(path, remote).Verified.ShouldBeTrue();
        string anaToken, ritaToken;
        using (var store = CaseStore.Open(remote))
        {
            anaToken = store.AddUser("ana", CaseUserRole.Analyst, "boss").Token;
            ritaToken = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
        }

        var serverA = WorkbenchServer.Start(remote);
        try
        {
            using var serverB = WorkbenchServer.Start(remote);
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

            // When: the analyst joins through server A, the reviewer through server B
            var (ana, anaCsrf) = await Accept(http, serverA.Url, anaToken);
            var (rita, ritaCsrf) = await Accept(http, serverB.Url, ritaToken);

            // Then: each process knows the other's login
            (await Json(http, serverB.Url, ana, "/api/session")).GetProperty("user").GetString().ShouldBe("ana");
            (await Json(http, serverA.Url, rita, "/api/session")).GetProperty("csrf").GetString().ShouldBe(ritaCsrf);

            // When: the reviewer signs off on B, the analyst decides on A
            (await Send(http, serverB.Url, rita, HttpMethod.Post, $"/api/clusters/{cluster}/signoff", new { }, ritaCsrf)).ShouldBe(HttpStatusCode.OK);
            (await Send(http, serverA.Url, ana, HttpMethod.Post, "/api/decisions", new { kind = "not-same", adA, adB, why = "different women" }, anaCsrf)).ShouldBe(HttpStatusCode.OK);

            // Then: B shows the decision and a changed referral; the reviewer cannot write through either process
            var decision = (await Json(http, serverB.Url, rita, $"/api/clusters/{cluster}/decisions")).EnumerateArray().ShouldHaveSingleItem();
            decision.GetProperty("who").GetString().ShouldBe("ana");
            (await Json(http, serverB.Url, rita, $"/api/clusters/{cluster}/signoff")).GetProperty("changedSinceSignOff").GetBoolean().ShouldBeTrue();
            foreach (var server in new[] { serverA, serverB })
            {
                (await Send(http, server.Url, rita, HttpMethod.Post, "/api/decisions/1/undo", new { }, ritaCsrf)).ShouldBe(HttpStatusCode.Forbidden);
                (await Send(http, server.Url, rita, HttpMethod.Post, $"/api/clusters/{cluster}/annotations", new { note = "x" }, ritaCsrf)).ShouldBe(HttpStatusCode.Forbidden);
            }

            // When: the analyst logs out through A
            (await Send(http, serverA.Url, ana, HttpMethod.Post, "/api/logout", new { }, anaCsrf)).ShouldBe(HttpStatusCode.OK);

            // Then: B refuses her session at once
            (await Send(http, serverB.Url, ana, HttpMethod.Get, "/api/clusters", null, null)).ShouldBe(HttpStatusCode.Unauthorized);
            (await Send(http, serverB.Url, ana, HttpMethod.Post, $"/api/clusters/{cluster}/annotations", new { note = "after logout" }, anaCsrf)).ShouldBe(HttpStatusCode.Unauthorized);

            // And when A is stopped and started again, the reviewer's login still works there and she signs off version 2
            serverA.Terminate();
            serverA.Dispose();
            serverA = WorkbenchServer.Start(remote);
            (await Send(http, serverA.Url, rita, HttpMethod.Post, $"/api/clusters/{cluster}/signoff", new { }, ritaCsrf)).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            serverA.Dispose();
        }

        using var check = CaseStore.Open(remote);
        check.SignOffs(cluster).Select(s => (s.Version, s.Who)).ShouldBe([(1, "rita"), (2, "rita")]);
        check.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("ana");
        check.GetClusterAnnotations(cluster).Notes.ShouldBeEmpty();
        check.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    private static async Task<(string Cookie, string Csrf)> Accept(HttpClient http, Uri server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/api/invitations/accept")) { Content = JsonContent.Create(new { token, password = Password }) };
        request.Headers.Add("X-Netan-Request", "1");
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        return (cookie[..cookie.IndexOf(';', StringComparison.Ordinal)], (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!);
    }

    private static async Task<JsonElement> Json(HttpClient http, Uri server, string cookie, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, url));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpStatusCode> Send(HttpClient http, Uri server, string cookie, HttpMethod method, string url, object? body, string? csrf)
    {
        using var request = new HttpRequestMessage(method, new Uri(server, url)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Netan-Request", "1");
        request.Headers.Add("Cookie", cookie);
        if (csrf is not null)
        {
            request.Headers.Add("X-Netan-Csrf", csrf);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
