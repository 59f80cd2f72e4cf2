using Microsoft.Playwright;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Tests.Browser;

/// <summary>A team case in two browsers as two users: an analyst and a reviewer, each with their own session cookie.</summary>
public sealed class TeamBrowserTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly WorkbenchCase _case = new();

    public void Dispose() => _case.Dispose();

    [SkippableFact]
    public async Task AnalystAndReviewer_SeeEachOthersWork_ReviewerCannotWrite_SignedOffReferralNeedsANewVersionAfterADecision()
    {
        // Given a team case with an analyst and a reviewer, each joining through their invitation link in their own browser
        string cluster, anaToken, ritaToken;
        using (var store = CaseStore.Open(_case.Path))
        {
            cluster = store.Memberships().Single(m => m.AdKey == "r1").ClusterId!;
            anaToken = store.AddUser("ana", CaseUserRole.Analyst, "boss").Token;
            ritaToken = store.AddUser("rita", CaseUserRole.Reviewer, "boss").Token;
        }

        await using var session = await BrowserSession.StartAsync(_case.Options());
        var (analyst, analystProblems) = await Join(session, anaToken);
        var (reviewer, reviewerProblems) = await Join(session, ritaToken);
        (await analyst.TextContentAsync("#user-info")).ShouldBe("ana (analyst)");
        (await reviewer.TextContentAsync("#user-info")).ShouldBe("rita (reviewer)");

        // When the reviewer opens the ring's cluster: no write control is shown, and signing off is offered
        await OpenCluster(session, reviewer, cluster);
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='none']");
        (await reviewer.IsHiddenAsync("#decision-form")).ShouldBeTrue();
        (await reviewer.IsHiddenAsync("#note-form")).ShouldBeTrue();
        (await reviewer.IsHiddenAsync("#tag-form")).ShouldBeTrue();
        (await reviewer.IsHiddenAsync("#cluster-actions")).ShouldBeTrue();
        (await reviewer.IsHiddenAsync("#export-referral")).ShouldBeTrue();
        (await reviewer.Locator("button.decide:visible").CountAsync()).ShouldBe(0);
        (await reviewer.IsVisibleAsync("#signoff-btn")).ShouldBeTrue();

        // And signs off the referral as it stands (version 1)
        await reviewer.ClickAsync("#signoff-btn");
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='signed']");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldStartWith("Signed off: version 1 by rita on ");

        // And a write the page does not offer, sent by hand with the reviewer's own session and CSRF token, is refused
        var status = await reviewer.EvaluateAsync<int>("""
            async () => {
              const s = await (await fetch('/api/session')).json();
              const r = await fetch('/api/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Netan-Request': '1', 'X-Netan-Csrf': s.csrf },
                body: JSON.stringify({ kind: 'not-same', adA: 'r1', adB: 'r2', why: 'reviewer tries' }) });
              return r.status;
            }
            """);
        status.ShouldBe(403);

        // When the analyst records a decision on that cluster in the other browser
        await OpenCluster(session, analyst, cluster);
        await analyst.SelectOptionAsync("#decision-kind", "not-same");
        await analyst.FillAsync("#decision-target", "r1");
        await analyst.FillAsync("#decision-other", "r4");
        await analyst.FillAsync("#decision-why", "different women in the photos");
        await analyst.ClickAsync("#decision-btn");
        await analyst.WaitForSelectorAsync("#decision-list li.decision");
        await analyst.WaitForSelectorAsync("#signoff-state[data-state='changed']");

        // Then the reviewer, after a reload, sees who decided what, and that the signed-off referral changed since
        await OpenCluster(session, reviewer, cluster);
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='changed']");
        (await reviewer.TextContentAsync("#decision-list li.decision span"))!.ShouldContain("declared not the same poster by ana on ");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldContain("new version needed");

        // And the signed version is still retrievable as it was (before the decision)
        await reviewer.ClickAsync("#signoff-versions li[data-version='1'] button");
        await reviewer.WaitForSelectorAsync("#signoff-content:not([hidden])");
        var signed = (await reviewer.TextContentAsync("#signoff-content"))!;
        signed.ShouldContain("\"r4\"");
        signed.ShouldNotContain("different women");

        // When the reviewer challenges the decision and signs off the new version
        await reviewer.ClickAsync("#decision-list li.decision button.challenge-btn");
        await reviewer.FillAsync("#decision-list li.decision input.challenge-why", "the photos are one set, cropped");
        await reviewer.ClickAsync("#decision-list li.decision button.challenge-ok");
        await reviewer.WaitForSelectorAsync("#decision-list li.decision .challenge");
        await reviewer.ClickAsync("#signoff-btn");
        await reviewer.WaitForSelectorAsync("#signoff-state[data-state='signed']");
        (await reviewer.TextContentAsync("#signoff-state"))!.ShouldStartWith("Signed off: version 2 by rita on ");

        // Then the analyst, after a reload, sees the challenge under the decision and the new sign-off
        await OpenCluster(session, analyst, cluster);
        await analyst.WaitForSelectorAsync("#decision-list li.decision .challenge");
        (await analyst.TextContentAsync("#decision-list li.decision .challenge"))!.ShouldContain("challenged by rita on ");
        await analyst.WaitForSelectorAsync("#signoff-state[data-state='signed']");

        // And the case says the same: who decided, who signed which version, and the audit names each user
        using (var store = CaseStore.Open(_case.Path))
        {
            store.ListDecisions().ShouldHaveSingleItem().Who.ShouldBe("ana");
            store.SignOffs(cluster).Select(s => (s.Version, s.Who)).ShouldBe([(1, "rita"), (2, "rita")]);
            var audit = store.ReadAudit();
            audit.ShouldContain(e => e.Actor == "ana" && e.Action == "decide");
            audit.ShouldContain(e => e.Actor == "rita" && e.Action == "challenge");
        }

        analystProblems.ShouldBeEmpty();
        reviewerProblems.Where(p => !p.Contains("403", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Admin_LogsIn_InvitesAUserWhoJoinsInAnotherBrowser_AndRemovesThem()
    {
        // Given a team case whose admin has a password
        using (var store = CaseStore.Open(_case.Path))
        {
            var boss = store.AddUser("boss", CaseUserRole.Admin, "setup");
            store.RedeemInvitation(boss.Token, new Microsoft.AspNetCore.Identity.PasswordHasher<CaseUser>().HashPassword(boss.User, Password));
        }

        await using var session = await BrowserSession.StartAsync(_case.Options());

        // When the admin logs in through the form (a wrong password first)
        var (admin, adminProblems) = await session.NewPageAsync();
        await admin.GotoAsync(session.Url + "/");
        await admin.WaitForSelectorAsync("body[data-login='login']");
        (await admin.IsHiddenAsync("main")).ShouldBeTrue();
        await admin.FillAsync("#login-name", "boss");
        await admin.FillAsync("#login-password", "not the password");
        await admin.ClickAsync("#login-btn");
        await admin.WaitForSelectorAsync("#banner:not([hidden])");
        (await admin.TextContentAsync("#banner")).ShouldBe("wrong name or password");
        await admin.FillAsync("#login-password", Password);
        await admin.ClickAsync("#login-btn");
        await admin.WaitForSelectorAsync("body[data-ready='1']");

        // And invites a reviewer from the accounts panel
        await admin.WaitForSelectorAsync("#users-panel:not([hidden]) #user-list li.user");
        await admin.FillAsync("#user-name", "newbie");
        await admin.SelectOptionAsync("#user-role", "reviewer");
        await admin.ClickAsync("#user-add-btn");
        await admin.WaitForSelectorAsync("#user-list li.user[data-name='newbie']");
        var line = (await admin.TextContentAsync("#user-link"))!;
        var link = line[line.IndexOf(session.Url, StringComparison.Ordinal)..];

        // Then the link works in another browser, once
        var (newbie, newbieProblems) = await session.NewPageAsync();
        await newbie.GotoAsync(link);
        await newbie.WaitForSelectorAsync("body[data-login='invite']");
        await newbie.FillAsync("#invite-password", Password);
        await newbie.FillAsync("#invite-password2", Password);
        await newbie.ClickAsync("#invite-btn");
        await newbie.WaitForSelectorAsync("body[data-ready='1']");
        (await newbie.TextContentAsync("#user-info")).ShouldBe("newbie (reviewer)");
        (await newbie.IsHiddenAsync("#users-panel")).ShouldBeTrue();

        // And once the admin removes the account, its next page load asks for a login
        await admin.ClickAsync("#user-list li.user[data-name='newbie'] button.user-remove");
        await admin.WaitForSelectorAsync("#user-list li.user[data-name='newbie']:not(:has(button))");
        await newbie.ReloadAsync();
        await newbie.WaitForSelectorAsync("body[data-login='login']");
        adminProblems.Where(p => !p.Contains("401", StringComparison.Ordinal)).ShouldBeEmpty();
        newbieProblems.Where(p => !p.Contains("401", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>Opens the invitation link in a new browser context, sets the password, and waits for the workbench.</summary>
    private static async Task<(IPage Page, List<string> Problems)> Join(BrowserSession session, string token)
    {
        var (page, problems) = await session.NewPageAsync();
        await page.GotoAsync(session.Url + "/#/invite/" + token);
        await page.WaitForSelectorAsync("body[data-login='invite']");
        await page.FillAsync("#invite-password", Password);
        await page.FillAsync("#invite-password2", Password);
        await page.ClickAsync("#invite-btn");
        await page.WaitForSelectorAsync("body[data-ready='1']");
        return (page, problems);
    }

    /// <summary>Loads the page afresh on the cluster's review tab, once its decisions and sign-off state are in.</summary>
    private static async Task OpenCluster(BrowserSession session, IPage page, string cluster)
    {
        await page.GotoAsync(session.Url + "/#/cluster/" + Uri.EscapeDataString(cluster));
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready='1']");
        await page.WaitForSelectorAsync("#decision-list li", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("#signoff-state[data-state]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync("#tabs button[data-tab='notes']");
    }
}
