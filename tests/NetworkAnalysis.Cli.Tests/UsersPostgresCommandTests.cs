using System.Text.RegularExpressions;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Storage.Copy;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan users</c> on a PostgreSQL case (issue #22): the same accounts, links and removals as on a case file.</summary>
public sealed partial class UsersPostgresCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task AddInviteListRemove_OnPostgres_PrintAsOnTheCaseFile_AndTheLinksWorkAsOnAFile()
    {
        // Given: an empty case file and its copy on PostgreSQL
        Prerequisite.RequirePostgres();
        var file = _dir.File("team.case");
        using (CaseStore.Open(file, create: true))
        {
        }

        var remote = database.Schema();
        CaseCopier.Copy(file, remote).Verified.ShouldBeTrue();
        string[][] commands =
        [
            ["users", "add", "ana", "--role", "analyst", "--url", "http://127.0.0.1:5099", "--analyst", "boss"],
            ["users", "add", "rita", "--role", "reviewer", "--expires-hours", "5", "--analyst", "boss"],
            ["users", "add", "ana", "--role", "admin", "--analyst", "boss"],
            ["users", "invite", "ana", "--analyst", "boss"],
            ["users", "list"],
            ["users"],
            ["users", "remove", "rita", "--analyst", "boss"],
            ["users", "remove", "rita", "--analyst", "boss"],
            ["users", "invite", "rita", "--analyst", "boss"],
            ["users", "list", "--json"],
        ];
        var links = new List<string>();
        foreach (var command in commands)
        {
            // When
            var onFile = await CliRunner.RunAsync([.. command, "--case", file]);
            var onServer = await CliRunner.RunAsync([.. command, "--case", remote]);

            // Then: the same exit code and output but for times and the random link tokens
            onServer.ExitCode.ShouldBe(onFile.ExitCode, string.Join(' ', command) + ": " + onServer.Error);
            Normalize(onServer.Out).ShouldBe(Normalize(onFile.Out), string.Join(' ', command));
            Normalize(onServer.Error).ShouldBe(Normalize(onFile.Error), string.Join(' ', command));
            links.AddRange(Link().Matches(onServer.Out).Select(m => m.Groups["token"].Value));
        }

        // Then: the server holds the accounts, the links (looked up by their SHA-256), and an audit chain that verifies
        links.Count.ShouldBe(3);
        using var store = CaseStore.Open(remote);
        store.ListUsers().Select(u => (u.Name, u.RoleName, u.IsEnabled, u.CreatedBy)).ShouldBe([("ana", "analyst", true, "boss"), ("rita", "reviewer", false, "boss")]);
        var audit = store.ReadAudit();
        audit.Where(e => e.Action.StartsWith("users ", StringComparison.Ordinal) && e.Action != "users list").Select(e => (e.Actor, e.Action, e.Target))
            .ShouldBe([("boss", "users add", "user ana"), ("boss", "users add", "user rita"), ("boss", "users invite", "user ana"), ("boss", "users remove", "user rita")]);
        store.VerifyAudit().IsIntact.ShouldBeTrue();
        // The newest link of ana works (it sets her password); the first was replaced; rita's was revoked by her removal
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(links[0], "hash")).Message.ShouldContain("used already or replaced");
        Should.Throw<CaseStoreException>(() => store.RedeemInvitation(links[1], "hash"));
        store.RedeemInvitation(links[2], "AQAAAAIAAYagAAAAEFakeHashForTheTest").HasPassword.ShouldBeTrue();
    }

    private static string Normalize(string text) => Link().Replace(Time().Replace(text, "TIME"), "LINK");

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?Z?)?")]
    private static partial Regex Time();

    [GeneratedRegex(@"/#/invite/(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex Link();
}
