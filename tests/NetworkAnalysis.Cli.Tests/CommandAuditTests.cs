using System.Text.RegularExpressions;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>Every command that reads case content for an analyst, or writes to the case, leaves an audit entry; the docs list them.</summary>
public sealed partial class CommandAuditTests : IDisposable
{
    /// <summary>Commands that must append an entry. Each is run below except <c>push</c> (needs Neo4j) and <c>demo</c> (20,000 ads).</summary>
    private static readonly string[] Audited = ["analyze", "case", "chart", "clusters", "decide", "decisions", "demo", "evaluate", "explain", "export", "hubs", "ingest", "lookup", "push", "report", "score", "show", "users"];

    /// <summary>Commands that check or serve a case (the workbench audits per request) or never open one.</summary>
    private static readonly string[] NotAudited = ["audit", "bench", "doctor", "extract", "generate", "image-hash", "profile", "serve"];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CommandTree_EveryCommandIsClassified_AndTheDocsListTheAuditedOnes()
    {
        var names = NetanApp.Build(new CliContext(Spectre.Console.AnsiConsole.Console, TextWriter.Null, TextWriter.Null, false))
            .Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

        names.ShouldBe(Audited.Concat(NotAudited).Order(StringComparer.Ordinal).ToList(), "a command was added or removed: classify it here and in docs/threat-model.md");
        var docs = File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "threat-model.md"));
        var sentence = DocsList().Match(docs);
        sentence.Success.ShouldBeTrue("docs/threat-model.md no longer says which commands append an audit entry");
        Backticked().Matches(sentence.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ShouldBe(Audited);
    }

    [Fact]
    public async Task EveryAuditedCommand_AppendsAnEntryNamingIt()
    {
        // Given: an analysed case
        var corpus = _dir.File("corpus");
        (await CliRunner.RunAsync("generate", "--ads", "400", "--seed", "5", "--out", corpus, "--quiet")).ExitCode.ShouldBe(0);
        var casePath = _dir.File("audited.case");
        var ads = Path.Combine(corpus, "ads.jsonl");
        (await CliRunner.RunAsync("ingest", ads, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        string cluster, adA, adB;
        using (var store = CaseStore.Open(casePath))
        {
            var members = store.Memberships().Where(m => m.ClusterId is not null).GroupBy(m => m.ClusterId!).First(g => g.Count() >= 2).ToList();
            (cluster, adA, adB) = (members[0].ClusterId!, members[0].AdKey, members[1].AdKey);
        }

        // When / Then: each command, run once, leaves one more entry whose action names it
        var runs = new (string Action, string[] Args)[]
        {
            ("ingest", ["ingest", ads]),
            ("analyze", ["analyze"]),
            ("score", ["score"]),
            ("clusters", ["clusters"]),
            ("clusters --members", ["clusters", "--members", "--format", "csv"]),
            ("show", ["show", cluster]),
            ("lookup", ["lookup", "702-555-0100"]),
            ("evaluate", ["evaluate", "--truth", Path.Combine(corpus, "truth.csv")]),
            ("explain", ["explain", adA, adB]),
            ("hubs", ["hubs"]),
            ("export csv", ["export", "--format", "csv", "--out", _dir.File("export")]),
            ("report", ["report", cluster, "--out", _dir.File("report")]),
            ("chart sizes", ["chart", "sizes", "--out", _dir.File("sizes.svg")]),
            ("decisions", ["decisions"]),
            ("decide", ["decide", "not-same", adA, adB, "--why", "different women in the photos"]),
            ("decide undo", ["decide", "undo", "1"]),
            ("decisions export", ["decisions", "export", _dir.File("decisions.json")]),
            ("decisions import", ["decisions", "import", _dir.File("decisions.json")]),
            ("case copy", ["case", "copy", casePath, _dir.File("copied.case")]),
            ("users add", ["users", "add", "ana", "--role", "analyst"]),
            ("users invite", ["users", "invite", "ana"]),
            ("users list", ["users", "list"]),
            ("users remove", ["users", "remove", "ana"]),
        };
        foreach (var (action, args) in runs)
        {
            var before = Entries(casePath);
            var run = await CliRunner.RunAsync([.. args, "--case", casePath, "--quiet"]);
            run.Error.ShouldNotContain("   at ", customMessage: action);
            var added = Entries(casePath).Skip(before.Count).ToList();
            added.Count.ShouldBe(1, $"netan {string.Join(' ', args)} (exit {run.ExitCode}: {run.Error.Trim()})");
            added[0].Action.ShouldBe(action);
        }
    }

    private static IReadOnlyList<AuditEntry> Entries(string casePath)
    {
        using var store = CaseStore.Open(casePath);
        return store.ReadAudit();
    }

    [GeneratedRegex(@"Commands that append an audit entry: ([^(]*)\(")]
    private static partial Regex DocsList();

    [GeneratedRegex("`([a-z-]+)`")]
    private static partial Regex Backticked();
}
