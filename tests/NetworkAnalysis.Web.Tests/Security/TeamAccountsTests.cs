using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Tests.Security;

/// <summary>A team case's workbench: logins, one-time invitations, CSRF tokens, login rate limit, and the role gate of every write.</summary>
public sealed class TeamAccountsTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly WorkbenchCase _case = new();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_owned))
        {
            d.Dispose();
        }

        _case.Dispose();
    }

    [Fact]
    public async Task CaseWithoutUsers_IsServedAsBefore_SingleUser()
    {
        var factory = Factory();
        var client = Own(factory.CreateClient());

        var session = await client.GetFromJsonAsync<JsonElement>("/api/session");
        var write = await Send(client, HttpMethod.Post, $"/api/clusters/{Cluster()}/annotations", new { note = "single user" }, csrf: null);

        session.GetProperty("team").GetBoolean().ShouldBeFalse();
        write.StatusCode.ShouldBe(HttpStatusCode.OK);
        Audit().Last().Actor.ShouldBe("analyst.one");
    }

    [Fact]
    public async Task TeamCase_EveryApiRequestNeedsALogin_ThePageItselfLoads()
    {
        Invite("ana", CaseUserRole.Analyst);
        var client = Own(Factory().CreateClient());

        (await client.GetAsync("/api/clusters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/info")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/clusters/{Cluster()}/export/graphml")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(client, HttpMethod.Post, "/api/decisions", new { kind = "hub", identifier = "702-555-0142", why = "x" }, csrf: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("team").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Invitation_SetsThePasswordOnce_HashedNeverInClear_AndLogsIn()
    {
        var token = Invite("ana", CaseUserRole.Analyst);
        var factory = Factory();
        var client = Own(factory.CreateClient());

        var accepted = await Send(client, HttpMethod.Post, "/api/invitations/accept", new { token, password = Password }, csrf: null);
        var again = await Send(Own(factory.CreateClient()), HttpMethod.Post, "/api/invitations/accept", new { token, password = "another password 2" }, csrf: null);

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.GetValues("Set-Cookie").Single().ShouldSatisfyAllConditions(
            c => c.ShouldContain("httponly", Case.Insensitive), c => c.ShouldContain("samesite=strict", Case.Insensitive));
        (await client.GetFromJsonAsync<JsonElement>("/api/info")).GetProperty("analyst").GetString().ShouldBe("ana");
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("used already");

        // The case holds an ASP.NET Core Identity v3 hash (PBKDF2), and the password nowhere, in the file or its WAL
        var hash = Scalar("SELECT password_hash FROM users WHERE name = 'ana';")!;
        Convert.FromBase64String(hash)[0].ShouldBe((byte)0x01);
        hash.ShouldNotContain(Password);
        foreach (var file in new[] { _case.Path, _case.Path + "-wal" }.Where(File.Exists))
        {
            using var copy = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            copy.CopyTo(bytes);
            bytes.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(Password)).ShouldBe(-1, file);
        }

        // And the login works with it afterwards, not with a wrong one
        var other = Own(factory.CreateClient());
        (await Send(other, HttpMethod.Post, "/api/login", new { name = "ana", password = "wrong password 99" }, csrf: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(other, HttpMethod.Post, "/api/login", new { name = "ana", password = Password }, csrf: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Audit().Select(e => (e.Actor, e.Action)).ShouldContain(("ana", "user join"));
        Audit().Select(e => (e.Actor, e.Action)).ShouldContain(("ana", "login failed"));
    }

    [Fact]
    public async Task ExpiredInvitation_IsRefused()
    {
        string token;
        using (var store = CaseStore.Open(_case.Path, time: new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))))
        {
            token = store.AddUser("late", CaseUserRole.Reviewer, "boss", TimeSpan.FromHours(1)).Token;
        }

        var response = await Send(Own(Factory().CreateClient()), HttpMethod.Post, "/api/invitations/accept", new { token, password = Password }, csrf: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("expired on 2020-01-01T01:00:00.000Z");
        Scalar("SELECT password_hash FROM users WHERE name = 'late';").ShouldBeNull();
    }

    [Fact]
    public async Task Write_WithoutTheSessionsCsrfToken_IsRefused_AndChangesNothing()
    {
        var factory = Factory();
        var (client, csrf) = await Join(factory, "ana", CaseUserRole.Analyst);
        var url = $"/api/clusters/{Cluster()}/annotations";

        var without = await Send(client, HttpMethod.Post, url, new { note = "no token" }, csrf: null);
        var wrong = await Send(client, HttpMethod.Post, url, new { note = "wrong token" }, csrf: csrf + "x");
        var right = await Send(client, HttpMethod.Post, url, new { note = "with token" }, csrf: csrf);

        without.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await without.Content.ReadAsStringAsync()).ShouldContain(TeamAccounts.CsrfHeader);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var store = CaseStore.Open(_case.Path);
        store.GetClusterAnnotations(Cluster()).Notes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(n => n.Text.ShouldBe("with token"), n => n.Who.ShouldBe("ana"));
    }

    [Fact]
    public async Task FailedLogins_PastTheLimit_Get429_EvenWithTheRightPassword()
    {
        var factory = Factory(_case.Options() with { LoginAttempts = 3, LoginWindow = TimeSpan.FromHours(1) });
        await Join(factory, "ana", CaseUserRole.Analyst);
        var client = Own(factory.CreateClient());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await Send(client, HttpMethod.Post, "/api/login", new { name = "ana", password = "guess number " + i }, csrf: null)).StatusCode);
        }

        var limited = await Send(client, HttpMethod.Post, "/api/login", new { name = "ana", password = Password }, csrf: null);

        // The invitation taken up above was the first attempt of the window; two failures fill it
        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized]);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("too many login attempts");
    }

    [Fact]
    public async Task Reviewer_ReadsCommentsAndSignsOff_ButEveryWriteOfTheAnalysisIs403()
    {
        var factory = Factory();
        var (reviewer, csrf) = await Join(factory, "rita", CaseUserRole.Reviewer);
        var cluster = Cluster();

        (await reviewer.GetAsync($"/api/clusters/{cluster}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var info = await reviewer.GetFromJsonAsync<JsonElement>("/api/info");
        info.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
        info.GetProperty("role").GetString().ShouldBe("reviewer");

        (await Send(reviewer, HttpMethod.Post, $"/api/clusters/{cluster}/annotations", new { note = "x" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(reviewer, HttpMethod.Post, "/api/decisions", new { kind = "hub", identifier = "702-555-0142", why = "x" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(reviewer, HttpMethod.Post, "/api/decisions/1/undo", new { }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reviewer.GetAsync($"/api/clusters/{cluster}/export/graphml")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reviewer.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(reviewer, HttpMethod.Post, "/api/users", new { name = "x", role = "admin" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await Send(reviewer, HttpMethod.Post, $"/api/clusters/{cluster}/comments", new { text = "check the second phone" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(reviewer, HttpMethod.Post, $"/api/clusters/{cluster}/signoff", new { note = "fine" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var store = CaseStore.Open(_case.Path);
        store.ListDecisions().ShouldBeEmpty();
        store.GetClusterAnnotations(cluster).Notes.ShouldBeEmpty();
        store.SignOffs(cluster).ShouldHaveSingleItem().Who.ShouldBe("rita");
        Audit().Last().ShouldSatisfyAllConditions(e => e.Actor.ShouldBe("rita"), e => e.Action.ShouldBe("sign-off"));
    }

    [Fact]
    public async Task Analyst_AnnotatesDecidesExports_ButCannotSignOffOrManageUsers_AndTheAuditNamesThem()
    {
        var factory = Factory();
        var (analyst, csrf) = await Join(factory, "ana", CaseUserRole.Analyst);
        var cluster = Cluster();

        (await Send(analyst, HttpMethod.Post, $"/api/clusters/{cluster}/annotations", new { status = "reviewing" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(analyst, HttpMethod.Post, "/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "different women" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetAsync($"/api/clusters/{cluster}/export/graphml")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(analyst, HttpMethod.Post, $"/api/clusters/{cluster}/comments", new { text = "why?", decision = 1 }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(analyst, HttpMethod.Post, $"/api/clusters/{cluster}/signoff", new { }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await analyst.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var store = CaseStore.Open(_case.Path);
        store.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("ana");
        Audit().Where(e => e.Action is "annotate" or "decide" or "export.graphml" or "challenge").Select(e => e.Actor).Distinct().ShouldBe(["ana"]);
    }

    [Fact]
    public async Task Admin_ManagesUsers_AndARemovedUsersSessionEndsAtItsNextRequest()
    {
        var factory = Factory();
        var (admin, csrf) = await Join(factory, "boss", CaseUserRole.Admin);
        var (analyst, _) = await Join(factory, "ana", CaseUserRole.Analyst);
        (await analyst.GetAsync("/api/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var added = await Send(admin, HttpMethod.Post, "/api/users", new { name = "newbie", role = "reviewer" }, csrf);
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!.ShouldStartWith("/#/invite/");
        (await Send(admin, HttpMethod.Post, "/api/users/ana/remove", new { }, csrf)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await analyst.GetAsync("/api/clusters")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Select(u => u.GetProperty("name").GetString()).ShouldBe(["boss", "ana", "newbie"]);
        Audit().Select(e => (e.Actor, e.Action, e.Target)).ShouldContain(("boss", "users remove", "user ana"));
    }

    [Fact]
    public async Task ReferralExport_SaysWhetherItIsTheSignedOffVersion()
    {
        var factory = Factory();
        var (reviewer, reviewerCsrf) = await Join(factory, "rita", CaseUserRole.Reviewer);
        var (analyst, analystCsrf) = await Join(factory, "ana", CaseUserRole.Analyst);
        var url = $"/api/clusters/{Cluster()}/export/referral";
        (await analyst.GetStringAsync(url)).ShouldContain("Sign-off: not signed off.");

        (await Send(reviewer, HttpMethod.Post, $"/api/clusters/{Cluster()}/signoff", new { }, reviewerCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await analyst.GetStringAsync(url)).ShouldContain("Sign-off: version 1 signed off by rita on ");

        (await Send(analyst, HttpMethod.Post, "/api/decisions", new { kind = "not-same", adA = "r1", adB = "r4", why = "different women" }, analystCsrf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = await analyst.GetStringAsync(url);
        changed.ShouldContain("Sign-off: changed since sign-off (version 1 by rita on ");
        changed.ShouldContain("this is not the signed version");
        var state = await analyst.GetFromJsonAsync<JsonElement>($"/api/clusters/{Cluster()}/signoff");
        state.GetProperty("changedSinceSignOff").GetBoolean().ShouldBeTrue();
        (await analyst.GetFromJsonAsync<JsonElement>($"/api/clusters/{Cluster()}/signoff/1")).GetProperty("content").GetString()!.ShouldNotContain("different women");
    }

    [Fact]
    public async Task ReadOnlyTeamCase_LetsUsersLogIn_ButTakesNoInvitationAndNoWrite()
    {
        string pending;
        using (var store = CaseStore.Open(_case.Path))
        {
            var joined = store.AddUser("ana", CaseUserRole.Analyst, "boss");
            store.RedeemInvitation(joined.Token, new Microsoft.AspNetCore.Identity.PasswordHasher<CaseUser>().HashPassword(joined.User, Password));
            pending = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
        }

        var factory = Factory(_case.Options(readOnly: true));
        var client = Own(factory.CreateClient());
        var login = await Send(client, HttpMethod.Post, "/api/login", new { name = "ana", password = Password }, csrf: null);
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString();

        (await client.GetAsync("/api/clusters")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(client, HttpMethod.Post, $"/api/clusters/{Cluster()}/annotations", new { note = "x" }, csrf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(Own(factory.CreateClient()), HttpMethod.Post, "/api/invitations/accept", new { token = pending, password = Password }, csrf: null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Scalar("SELECT password_hash FROM users WHERE name = 'rita';").ShouldBeNull();
    }

    private WorkbenchFactory Factory(WorkbenchOptions? options = null) => Own(new WorkbenchFactory(options ?? _case.Options()));

    private T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(value);
        return value;
    }

    private string Invite(string name, CaseUserRole role)
    {
        using var store = CaseStore.Open(_case.Path);
        return store.AddUser(name, role, "boss").Token;
    }

    /// <summary>Adds a user, takes up the invitation through the workbench, and returns the logged-in client with its CSRF token.</summary>
    private async Task<(HttpClient Client, string Csrf)> Join(WorkbenchFactory factory, string name, CaseUserRole role)
    {
        var token = Invite(name, role);
        var client = Own(factory.CreateClient());
        var response = await Send(client, HttpMethod.Post, "/api/invitations/accept", new { token, password = Password }, csrf: null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf").GetString()!);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string? csrf)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(WorkbenchGuard.RequestHeader, "1");
        if (csrf is not null)
        {
            request.Headers.Add(TeamAccounts.CsrfHeader, csrf);
        }

        return await client.SendAsync(request);
    }

    private string Cluster()
    {
        using var store = CaseStore.Open(_case.Path);
        return store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
    }

    private IReadOnlyList<AuditEntry> Audit()
    {
        using var store = CaseStore.Open(_case.Path);
        return store.ReadAudit();
    }

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + _case.Path + ";Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }
}
