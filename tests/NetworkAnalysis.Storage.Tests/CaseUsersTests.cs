using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>Team accounts, one-time invitations, referral sign-offs and comments in the case store.</summary>
public sealed class CaseUsersTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddUser_MakesATeamCase_StoresOnlyTheTokensHash_AndAuditsInTheAdminsName()
    {
        using var store = CaseStore.Open(_dir.File("users.case"), create: true);
        store.HasUsers().ShouldBeFalse();

        var invitation = store.AddUser("  ana  ", CaseUserRole.Analyst, "boss");

        store.HasUsers().ShouldBeTrue();
        invitation.User.Name.ShouldBe("ana");
        invitation.User.HasPassword.ShouldBeFalse();
        invitation.Token.Length.ShouldBeGreaterThanOrEqualTo(43);
        var stored = Scalar(store, "SELECT group_concat(token_sha256) FROM invitations;");
        stored.ShouldBe(CaseStore.TokenHash(invitation.Token));
        stored!.ShouldNotContain(invitation.Token);
        store.ReadAudit().Last().ShouldSatisfyAllConditions(
            e => e.Actor.ShouldBe("boss"), e => e.Action.ShouldBe("users add"), e => e.Target.ShouldBe("user ana"));
        Should.Throw<CaseStoreException>(() => store.AddUser("ana", CaseUserRole.Reviewer, "boss")).Message.ShouldContain("exists already");
        Should.Throw<CaseStoreException>(() => store.AddUser("bad\u202Ename", CaseUserRole.Reviewer, "boss")).Message.ShouldContain("invisible");
    }

    [Fact]
    public void Invitation_WorksOnce_AndNotAfterItExpires_OrIsReplaced()
    {
        var clock = new FakeTimeProvider();
        using var store = CaseStore.Open(_dir.File("invite.case"), create: true, clock);
        var first = store.AddUser("rev", CaseUserRole.Reviewer, "boss", TimeSpan.FromHours(1));

        // Used once: the password hash is set; a second use is refused
        store.RedeemInvitation(first.Token, "HASHED-1").HasPassword.ShouldBeTrue();
        store.PasswordHashOf(first.User.Id).ShouldBe("HASHED-1");
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(first.Token, "HASHED-2")).Message.ShouldContain("used already");
        store.PasswordHashOf(first.User.Id).ShouldBe("HASHED-1");

        // A new link replaces an unused older one, and expires
        var older = store.InviteUser("rev", "boss", TimeSpan.FromHours(1));
        var newer = store.InviteUser("rev", "boss", TimeSpan.FromHours(1));
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(older.Token, "X")).Message.ShouldContain("replaced");
        clock.Advance(TimeSpan.FromMinutes(61));
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(newer.Token, "X")).Message.ShouldContain("expired");
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation("not-a-token", "X")).Message.ShouldContain("not valid");
        store.PasswordHashOf(first.User.Id).ShouldBe("HASHED-1");
    }

    [Fact]
    public void DisableUser_KeepsTheRow_EndsItsInvitation_AndKeepsTheCaseATeamCase()
    {
        using var store = CaseStore.Open(_dir.File("disable.case"), create: true);
        var invitation = store.AddUser("temp", CaseUserRole.Analyst, "boss");

        store.DisableUser("temp", "boss").IsEnabled.ShouldBeFalse();

        store.ListUsers().ShouldHaveSingleItem().DisabledBy.ShouldBe("boss");
        store.HasUsers().ShouldBeTrue();
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(invitation.Token, "X"));
        Should.Throw<CaseStoreException>(() => store.InviteUser("temp", "boss")).Message.ShouldContain("removed");
        Should.Throw<CaseStoreException>(() => store.DisableUser("nobody", "boss")).Message.ShouldContain("no user nobody");
    }

    [Fact]
    public void SignOff_KeepsTheSignedContentAndHash_AndAnyDecisionOrAnnotationAfterItNeedsANewVersion()
    {
        using var store = CaseStore.Open(_dir.File("signoff.case"), create: true);
        new CaseIngestor(store).Ingest(_dir.Write("ads.jsonl", """
            {"id":"a1","body":"call 702-555-0101"}
            {"id":"a2","body":"call 702-555-0101 or 702-555-0102"}
            {"id":"a3","body":"call 702-555-0102"}
            """));
        new CaseAnalyzer(store).Analyze();
        var cluster = store.Memberships().Single(m => m.AdKey == "a1").ClusterId!;

        // Signed off: version 1 with the content's hash; signing the same content again is refused
        var v1 = store.SignOffReferral(cluster, "rev", "fine to refer");
        v1.Version.ShouldBe(1);
        v1.ContentSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(v1.Content))));
        v1.Content.ShouldContain("\"a3\"");
        store.SignOffState(cluster).ChangedSinceSignOff.ShouldBeFalse();
        Should.Throw<CaseStoreException>(() => store.SignOffReferral(cluster, "rev")).Message.ShouldContain("signed off already");
        store.ReadAudit().Last().ShouldSatisfyAllConditions(e => e.Action.ShouldBe("sign-off"), e => e.Actor.ShouldBe("rev"), e => e.Details!.ShouldContain(v1.ContentSha256));

        // A comment does not change the referral; a decision touching the cluster does
        store.AddComment(cluster, "check the second phone", "rev");
        store.SignOffState(cluster).ChangedSinceSignOff.ShouldBeFalse();
        var decision = store.DecideNotSame("a1", "a3", "different women in the photos", "ana");
        store.SignOffState(cluster).ChangedSinceSignOff.ShouldBeTrue();

        // A new version is signed; the first stays retrievable as it was
        var v2 = store.SignOffReferral(cluster, "rev");
        v2.Version.ShouldBe(2);
        v2.Content.ShouldContain("different women in the photos");
        store.SignOffState(cluster).Versions.Select(v => v.Content).ShouldBe([v1.Content, v2.Content]);

        // An annotation changes it again
        store.SetClusterStatus(cluster, ClusterStatus.Referred, "ana");
        store.SignOffState(cluster).ChangedSinceSignOff.ShouldBeTrue();

        // A challenge names the decision and is audited in the reviewer's name
        var challenge = store.AddComment(cluster, "the photos are the same set, cropped", "rev", decision.Id);
        challenge.Kind.ShouldBe("challenge");
        store.Comments(cluster).Select(c => c.Kind).ShouldBe(["comment", "challenge"]);
        store.ReadAudit().Last().Target.ShouldBe("decision 1");
        Should.Throw<CaseStoreException>(() => store.AddComment(cluster, "x", "rev", 99)).Message.ShouldContain("no decision 99");
    }

    private static string? Scalar(CaseStore store, string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + store.Path);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }
}
