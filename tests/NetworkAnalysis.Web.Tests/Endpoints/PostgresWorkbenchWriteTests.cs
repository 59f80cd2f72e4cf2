using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Storage.Postgres;
using NetworkAnalysis.Testing;
using NetworkAnalysis.Web.Security;
using Npgsql;

namespace NetworkAnalysis.Web.Tests.Endpoints;

/// <summary>The workbench's writes on a PostgreSQL case (issue #22): each write endpoint answers and stores as it does on the
/// case file, and two workbench servers on one PostgreSQL case share logins, logouts and each other's work.</summary>
public sealed partial class PostgresWorkbenchWriteTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_owned))
        {
            d.Dispose();
        }
    }

    [SkippableFact]
    public async Task EveryWriteEndpoint_OnThePostgresCopy_AnswersAndStoresAsOnTheCaseFile()
    {
        // Given: the test case, and its verified copy on PostgreSQL, each behind a read-write single-user workbench
        Prerequisite.RequirePostgres();
        var testCase = Own(new WorkbenchCase());
        var remote = database.Schema();
        CaseCopier.Copy(testCase.Path, remote).Verified.ShouldBeTrue();
        var fileClient = Own(Own(new WorkbenchFactory(testCase.Options())).CreateClient());
        var serverClient = Own(Own(new WorkbenchFactory(testCase.Options() with { CasePath = remote })).CreateClient());
        string ring, solo;
        using (var store = CaseStore.Open(testCase.Path))
        {
            ring = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            solo = store.Memberships().Single(m => m.AdKey == "solo").ClusterId!;
        }

        const HttpStatusCode ok = HttpStatusCode.OK, refused = HttpStatusCode.BadRequest;
        (string Method, string Url, object? Body, HttpStatusCode Expected)[] writes =
        [
            ("POST", $"/api/clusters/{ring}/annotations", new { status = "reviewing", addTag = "priority", note = "two phones, one e-mail" }, ok),
            ("POST", $"/api/clusters/{ring}/annotations", new { removeTag = "priority", addTag = "nevada" }, ok),
            ("POST", "/api/decisions", new { kind = "hub", identifier = "702-555-0177", why = "a booking line" }, ok),
            ("POST", "/api/decisions", new { kind = "never-hub", identifier = "amber@example.com", why = "her own address" }, ok),
            ("POST", "/api/decisions", new { kind = "merge", cluster = ring, other = solo, why = "same woman" }, ok),
            ("POST", "/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "conflicts with the merge" }, refused),
            ("POST", "/api/decisions/3/undo", new { }, ok),
            ("POST", "/api/decisions", new { kind = "split", cluster = ring, sideA = new[] { "r2" }, sideB = new[] { "r3" }, why = "two women" }, ok),
            ("POST", "/api/decisions/1/undo", new { }, ok),
            ("POST", "/api/decisions/99/undo", new { }, refused),
            ("POST", $"/api/clusters/{ring}/comments", new { text = "check the second phone" }, ok),
            ("POST", $"/api/clusters/{ring}/comments", new { text = "the photos match", decision = 4 }, ok),
            ("POST", $"/api/clusters/{ring}/signoff", new { note = "ready" }, ok),
            ("POST", $"/api/clusters/{ring}/signoff", new { }, refused),
            ("POST", $"/api/clusters/{ring}/annotations", new { note = "after the sign-off" }, ok),
            ("POST", $"/api/clusters/{ring}/signoff", new { }, ok),
            ("GET", $"/api/clusters/{ring}/export/graphml", null, ok),
            ("GET", $"/api/clusters/{ring}/export/neo4j", null, ok),
            ("GET", $"/api/clusters/{ring}/export/referral", null, ok),
        ];

        foreach (var (method, url, body, expected) in writes)
        {
            // When
            using var a = await Send(fileClient, method, url, body, csrf: null);
            using var b = await Send(serverClient, method, url, body, csrf: null);

            // Then: the same status and the same answer but for the times and the content hashes (which cover the times)
            a.StatusCode.ShouldBe(expected, $"{url} {await a.Content.ReadAsStringAsync()}");
            b.StatusCode.ShouldBe(a.StatusCode, $"{url} {await b.Content.ReadAsStringAsync()}");
            if (method == "POST")
            {
                Normalize(await b.Content.ReadAsStringAsync()).ShouldBe(Normalize(await a.Content.ReadAsStringAsync()), url);
            }
        }

        // Then: the PostgreSQL case holds what the case file holds, and its audit chain verifies
        using var onFile = CaseStore.Open(testCase.Path);
        using var onServer = CaseStore.Open(remote);
        Decisions(onServer).ShouldBe(Decisions(onFile));
        Decisions(onServer).Count.ShouldBe(4);
        var notes = onServer.GetClusterAnnotations(ring);
        notes.Status.ShouldBe(ClusterStatus.Reviewing);
        notes.Tags.ShouldBe(["nevada"]);
        notes.Notes.Select(n => (n.Text, n.Who)).ShouldBe([("two phones, one e-mail", "analyst.one"), ("after the sign-off", "analyst.one")]);
        onServer.Comments(ring).Select(c => (c.Kind, c.Text, c.DecisionId)).ShouldBe(onFile.Comments(ring).Select(c => (c.Kind, c.Text, c.DecisionId)));
        onServer.SignOffs(ring).Select(s => (s.Version, s.Who, s.Note)).ShouldBe([(1, "analyst.one", "ready"), (2, "analyst.one", (string?)null)]);
        onServer.SignOffState(ring).ChangedSinceSignOff.ShouldBeFalse();
        var actions = onServer.ReadAudit().Select(e => (e.Actor, e.Action, e.Target)).Where(e => e.Action != "case copy").ToList();
        actions.ShouldBe(onFile.ReadAudit().Select(e => (e.Actor, e.Action, e.Target)).Where(e => e.Action != "case copy").ToList());
        actions.Select(e => e.Action).ShouldContain("export.neo4j");
        onServer.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task TwoServers_OnOnePostgresCase_ShareLoginsAndLogouts_RolesAndEachOthersWork()
    {
        // Given: a team case on PostgreSQL (an admin, an analyst, a reviewer) and two workbench servers on it
        Prerequisite.RequirePostgres();
        var testCase = Own(new WorkbenchCase());
        var remote = database.Schema();
        CaseCopier.Copy(testCase.Path, remote).Verified.ShouldBeTrue();
        string ring, anaToken, ritaToken, bossToken;
        using (var store = CaseStore.Open(remote))
        {
            ring = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            bossToken = store.AddUser("boss", CaseUserRole.Admin, "setup").Token;
            anaToken = store.AddUser("ana", CaseUserRole.Analyst, "boss").Token;
            ritaToken = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
        }

        var serverA = Own(new WorkbenchFactory(testCase.Options() with { CasePath = remote }));
        var serverB = Own(new WorkbenchFactory(testCase.Options() with { CasePath = remote }));

        // When: the analyst joins on A, the reviewer on B, the admin on A
        var (anaCookie, anaCsrf) = await Accept(serverA, anaToken);
        var (ritaCookie, ritaCsrf) = await Accept(serverB, ritaToken);
        var (bossCookie, bossCsrf) = await Accept(serverA, bossToken);

        // Then: each session works on the other server too, with the same CSRF token
        var session = await (await Send(serverB, anaCookie, "GET", "/api/session", null, null)).Content.ReadFromJsonAsync<JsonElement>();
        session.GetProperty("user").GetString().ShouldBe("ana");
        session.GetProperty("csrf").GetString().ShouldBe(anaCsrf);
        (await Send(serverA, ritaCookie, "GET", "/api/info", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And the reviewer signs off on B; every write of the analysis she tries is refused on either server
        (await Send(serverB, ritaCookie, "POST", $"/api/clusters/{ring}/signoff", new { note = "fine" }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var server in new[] { serverA, serverB })
        {
            (await Send(server, ritaCookie, "POST", "/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "x" }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Send(server, ritaCookie, "POST", $"/api/clusters/{ring}/annotations", new { note = "x" }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Send(server, ritaCookie, "POST", "/api/users", new { name = "x", role = "admin" }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // When: the analyst decides on A (her CSRF token from A is the session's, so B takes it too)
        var decided = await Send(serverA, anaCookie, "POST", "/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "different women in the photos" }, anaCsrf);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        (await Send(serverB, anaCookie, "POST", $"/api/clusters/{ring}/annotations", new { note = "noted on B" }, anaCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(serverB, anaCookie, "POST", $"/api/clusters/{ring}/annotations", new { note = "no token" }, csrf: null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Then: the reviewer on B sees it, who made it, and that the signed-off referral changed (a new version is needed)
        var listed = (await (await Send(serverB, ritaCookie, "GET", $"/api/clusters/{ring}/decisions", null, null)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("who").GetString().ShouldBe("ana");
        var state = await (await Send(serverB, ritaCookie, "GET", $"/api/clusters/{ring}/signoff", null, null)).Content.ReadFromJsonAsync<JsonElement>();
        state.GetProperty("changedSinceSignOff").GetBoolean().ShouldBeTrue();
        (await Send(serverB, ritaCookie, "POST", $"/api/clusters/{ring}/comments", new { text = "the photos are one set", decision = listed.GetProperty("id").GetInt64() }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(serverB, ritaCookie, "POST", $"/api/clusters/{ring}/signoff", new { }, ritaCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await Send(serverA, anaCookie, "GET", $"/api/clusters/{ring}/signoff", null, null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("changedSinceSignOff").GetBoolean().ShouldBeFalse();

        // When: the admin adds an account on A, whose invitation is taken up on B
        var added = await Send(serverA, bossCookie, "POST", "/api/users", new { name = "newbie", role = "analyst" }, bossCsrf);
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var link = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;
        var (newbieCookie, _) = await Accept(serverB, link[(link.LastIndexOf('/') + 1)..]);
        (await Send(serverA, newbieCookie, "GET", "/api/clusters", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And the analyst logs out on A, the admin removes the reviewer on A
        (await Send(serverA, anaCookie, "POST", "/api/logout", new { }, anaCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(serverA, bossCookie, "POST", "/api/users/rita/remove", new { }, bossCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Then: both sessions are refused on B at once, and the others still work there
        (await Send(serverB, anaCookie, "GET", "/api/clusters", null, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(serverB, anaCookie, "POST", $"/api/clusters/{ring}/annotations", new { note = "after logout" }, anaCsrf)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(serverB, ritaCookie, "GET", "/api/clusters", null, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(serverB, bossCookie, "GET", "/api/users", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(serverB, newbieCookie, "GET", "/api/clusters", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // And the case keeps only the cookies' SHA-256 (two sessions left: the admin's and the newcomer's), every action named
        using var onServer = CaseStore.Open(remote);
        using var connection = Connect(remote);
        var rows = Rows(connection, "SELECT token_sha256, csrf FROM sessions ORDER BY created_at;");
        rows.Select(r => r[0]).ShouldBe([Sha256(bossCookie), Sha256(newbieCookie)], ignoreOrder: true);
        rows.ShouldAllBe(r => r[0] != bossCookie && r[0] != newbieCookie);
        onServer.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("ana");
        onServer.SignOffs(ring).Select(s => (s.Version, s.Who)).ShouldBe([(1, "rita"), (2, "rita")]);
        onServer.GetClusterAnnotations(ring).Notes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(n => n.Text.ShouldBe("noted on B"), n => n.Who.ShouldBe("ana"));
        var audit = onServer.ReadAudit();
        audit.ShouldContain(e => e.Actor == "ana" && e.Action == "decide");
        audit.ShouldContain(e => e.Actor == "rita" && e.Action == "challenge");
        audit.ShouldContain(e => e.Actor == "boss" && e.Action == "users remove" && e.Target == "user rita");
        audit.ShouldContain(e => e.Actor == "newbie" && e.Action == "user join");
        onServer.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task PostgresCase_CopiedBeforeSessionsExisted_GetsTheTableOnFirstLogin_AndCopiesBackWithIt()
    {
        // Given: a team case on PostgreSQL without the sessions table (as one copied before it existed)
        Prerequisite.RequirePostgres();
        var testCase = Own(new WorkbenchCase());
        var remote = database.Schema();
        CaseCopier.Copy(testCase.Path, remote).Verified.ShouldBeTrue();
        using (var connection = Connect(remote))
        {
            Execute(connection, $"DROP TABLE sessions; DELETE FROM netan_copy_schema WHERE name = 'sessions';");
        }

        string token;
        using (var store = CaseStore.Open(remote))
        {
            token = store.AddUser("ana", CaseUserRole.Analyst, "boss").Token;
        }

        // When: two servers start on it and the analyst joins on one
        var serverA = Own(new WorkbenchFactory(testCase.Options() with { CasePath = remote }));
        var serverB = Own(new WorkbenchFactory(testCase.Options() with { CasePath = remote }));
        var (cookie, _) = await Accept(serverA, token);

        // Then: the other server knows the session, and the case copies back to a file with the session in it
        (await Send(serverB, cookie, "GET", "/api/clusters", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var folder = Own(new TempFolder());
        var back = folder.File("back.case");
        CaseCopier.Copy(remote, back).Verified.ShouldBeTrue();
        using var copy = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + back + ";Pooling=False");
        copy.Open();
        Rows(copy, "SELECT token_sha256 FROM sessions;").ShouldHaveSingleItem()[0].ShouldBe(Sha256(cookie));
    }

    private static List<string> Decisions(CaseStore store) =>
        [.. store.ListDecisions().Select(d => $"{d.Id} {d.Subject} {d.Who} {d.Why} {d.UndoneBy} {string.Join(",", d.SideA)} | {string.Join(",", d.SideB)}")];

    private static string Normalize(string text) => Hex().Replace(Time().Replace(text, "TIME"), "SHA");

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex Time();

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Hex();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }

    /// <summary>Takes up an invitation on <paramref name="server"/>; the session cookie and CSRF token it gave.</summary>
    private async Task<(string Cookie, string Csrf)> Accept(WorkbenchFactory server, string token)
    {
        var response = await Send(server, null, "POST", "/api/invitations/accept", new { token, password = Password }, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        var value = cookie[(TeamAccounts.SessionCookie.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
        return (value, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!);
    }

    /// <summary>A request to <paramref name="server"/> with the session cookie given by hand (as a browser sends it to whichever
    /// server a load balancer picks).</summary>
    private async Task<HttpResponseMessage> Send(WorkbenchFactory server, string? cookie, string method, string url, object? body, string? csrf)
    {
        var client = Own(server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(WorkbenchGuard.RequestHeader, "1");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", TeamAccounts.SessionCookie + "=" + cookie);
        }

        if (csrf is not null)
        {
            request.Headers.Add(TeamAccounts.CsrfHeader, csrf);
        }

        return Own(await client.SendAsync(request));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string url, object? body, string? csrf)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(WorkbenchGuard.RequestHeader, "1");
        if (csrf is not null)
        {
            request.Headers.Add(TeamAccounts.CsrfHeader, csrf);
        }

        return await client.SendAsync(request);
    }

    private static NpgsqlConnection Connect(string locator)
    {
        var l = PostgresCaseLocator.Parse(locator);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder
        {
            Host = l.Host, Port = l.Port, Username = l.User, Database = l.Database, SearchPath = l.Schema, Pooling = false,
        }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    private static List<string[]> Rows(System.Data.Common.DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read())
        {
            rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(i => r.GetString(i))]);
        }

        return rows;
    }
}
