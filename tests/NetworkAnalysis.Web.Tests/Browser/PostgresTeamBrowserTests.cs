using Microsoft.Playwright;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>A team case on PostgreSQL behind two workbench servers (as two <c>netan serve</c> behind a load balancer), in two
/// browsers as two users (issue #22).</summary>
public sealed class PostgresTeamBrowserTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string Password = "correct horse battery";
    private readonly WorkbenchCase _case = new();

    public void Dispose() => _case.Dispose();

    [SkippableFact]
    public async Task AnalystOnServerA_ReviewerOnServerB_SeeEachOthersWork_ReviewerCannotWrite_NewVersionNeeded_LogoutOnAHoldsOnB()
    {
        // Given: a team case copied to PostgreSQL with an analyst and a reviewer, and two servers on it
        Prerequisite.RequirePostgres();
        BrowserSession.RequireChromium();
        var remote = database.Schema();
        CaseCopier.Copy(_case.Path, remote).Verified.ShouldBeTrue();
        string cluster, anaToken, ritaToken;
        using (var store = CaseStore.Open(remote))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            anaToken = store.AddUser("ana", CaseUserRole.Analyst, "boss").Token;
            ritaToken = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
        }

        var options = _case.Options() with { CasePath = remote };
        await using var session = await BrowserSession.StartAsync(options);
        var serverA = session.Url;
        var serverB = await session.AddServerAsync(options);
        serverB.ShouldNotBe(serverA);

        // When: the analyst joins on server A and the reviewer on server B, each in their own browser
        var (analyst, analystProblems) = await Join(session, serverA, anaToken);
        var (reviewer, reviewerProblems) = await Join(session, serverB, ritaToken);
        (await analyst.TextContentAsync("#user-info")).ShouldBe("ana (analyst)");
        (await reviewer.TextContentAsync("#user-info")).ShouldBe("rita (reviewer)");

        // Then: the reviewer on B sees no write control, signs off version 1, and a write sent by hand is refused (403)
        await OpenCluster(reviewer, serverB, cluster);
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='none']");
        (await reviewer.IsHiddenAsync("#decision-form")).ShouldBeTrue();
        (await reviewer.IsHiddenAsync("#note-form")).ShouldBeTrue();
        (await reviewer.Locator("button.decide:visible").CountAsync()).ShouldBe(0);
        await reviewer.ClickAsync("#signoff-btn");
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='signed']");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldStartWith("Signed off: version 1 by rita on ");
        var status = await reviewer.EvaluateAsync<int>("""
            async () => {
              const s = await (await fetch('/api/session')).json();
              const r = await fetch('/api/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Netan-Request': '1', 'X-Netan-Csrf': s.csrf },
                body: JSON.stringify({ kind: 'not-same', adA: 'r1', adB: 'r2', why: 'reviewer tries' }) });
              return r.status;
            }
            """);
        status.ShouldBe(403);

        // When: the analyst records a decision on server A
        await OpenCluster(analyst, serverA, cluster);
        await analyst.SelectOptionAsync("#decision-kind", "not-same");
        await analyst.FillAsync("#decision-target", "r1");
        await analyst.FillAsync("#decision-other", "r4");
        await analyst.FillAsync("#decision-why", "different women in the photos");
        await analyst.ClickAsync("#decision-btn");
        await analyst.WaitForSelectorAsync("#decision-list li.decision");
        await analyst.WaitForSelectorAsync("#signoff-state[data-state='changed']");

        // Then: the reviewer's view on server B shows it, by whom, and that the signed-off referral needs a new version
        await OpenCluster(reviewer, serverB, cluster);
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='changed']");
        (await reviewer.TextContentAsync("#decision-list li.decision span"))!.ShouldContain("declared not the same poster by ana on ");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldContain("new version needed");
        await reviewer.ClickAsync("#signoff-btn");
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='signed']");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldStartWith("Signed off: version 2 by rita on ");

        // And the analyst's login from server A holds on server B (one session, stored in the case)
        await analyst.GotoAsync(serverB + "/");
        await analyst.ReloadAsync();
        await analyst.WaitForSelectorAsync("body[data-ready='1']");
        (await analyst.TextContentAsync("#user-info")).ShouldBe("ana (analyst)");
        await analyst.GotoAsync(serverA + "/");
        await analyst.ReloadAsync();
        await analyst.WaitForSelectorAsync("body[data-ready='1']");

        // When: the analyst logs out on server A, and her old cookie is offered to server B afterwards
        var cookie = (await analyst.Context.CookiesAsync([serverA])).Single(c => c.Name == NetworkAnalysis.Web.Security.TeamAccounts.SessionCookie);
        await analyst.ClickAsync("#logout-btn");
        await analyst.WaitForSelectorAsync("body[data-login='login']");
        await analyst.Context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = serverB }]);
        await analyst.GotoAsync(serverB + "/");

        // Then: server B refuses it (the login form), while the reviewer's session still works there
        await analyst.WaitForSelectorAsync("body[data-login='login']");
        (await analyst.IsHiddenAsync("main")).ShouldBeTrue();
        await OpenCluster(reviewer, serverB, cluster);
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='signed']");

        using (var store = CaseStore.Open(remote))
        {
            store.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("ana");
            store.SignOffs(cluster).Select(s => (s.Version, s.Who)).ShouldBe([(1, "rita"), (2, "rita")]);
            store.VerifyAudit().IsIntact.ShouldBeTrue();
        }

        analystProblems.Where(p => !p.Contains("401", StringComparison.Ordinal)).ShouldBeEmpty();
        reviewerProblems.Where(p => !p.Contains("403", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>Opens the invitation link on <paramref name="server"/> in a new browser context and sets the password.</summary>
    private static async Task<(IPage Page, List<string> Problems)> Join(BrowserSession session, string server, string token)
    {
        var (page, problems) = await session.NewPageAsync();
        await page.GotoAsync(server + "/#/invite/" + token);
        await page.WaitForSelectorAsync("body[data-login='invite']");
        await page.FillAsync("#invite-password", Password);
        await page.FillAsync("#invite-password2", Password);
        await page.ClickAsync("#invite-btn");
        await page.WaitForSelectorAsync("body[data-ready='1']");
        return (page, problems);
    }

    /// <summary>Loads the page afresh from <paramref name="server"/> on the cluster's review tab, once its decisions and sign-off state are in.</summary>
    private static async Task OpenCluster(IPage page, string server, string cluster)
    {
        await page.GotoAsync(server + "/#/cluster/" + Uri.EscapeDataString(cluster));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='1']");
        await page.WaitForSelectorAsync("#decision-list li", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#signoff-state[data-state]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#tabs button[data-tab='notes']");
    }
}
