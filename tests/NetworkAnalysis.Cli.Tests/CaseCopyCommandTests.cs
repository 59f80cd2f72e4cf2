using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan case copy|hash</c>: a generated, ingested and analysed case to PostgreSQL and back, and what is refused.</summary>
public sealed partial class CaseCopyCommandTests(AnalysedCaseFixture fixture, PostgresDatabase database) : IClassFixture<AnalysedCaseFixture>, IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task RoundTrip_SqliteToPostgresToSqlite_HashesAgreeAtEachStep_AndTheCopyReadsTheSame()
    {
        // Given: the analysed case (400 ads), scored, and an empty PostgreSQL schema
        Prerequisite.RequirePostgres();
        var original = _dir.File("original.case");
        File.Copy(fixture.CasePath, original);
        (await CliRunner.RunAsync("score", "--case", original, "-q")).ExitCode.ShouldBe(0);
        var remote = database.Schema();
        var back = _dir.File("back.case");

        // When
        var up = await CliRunner.RunAsync("case", "copy", original, remote, "-q");
        var remoteHash = await CliRunner.RunAsync("case", "hash", remote);
        var down = await CliRunner.RunAsync("case", "copy", remote, back, "-q");

        // Then: each copy printed two equal hashes, and each side hashes the same on its own
        up.ExitCode.ShouldBe(0, up.All);
        down.ExitCode.ShouldBe(0, down.All);
        var (upSource, upTarget) = Hashes(up.Out);
        upTarget.ShouldBe(upSource);
        (await CliRunner.RunAsync("case", "hash", original)).Out.ShouldStartWith(upSource);
        remoteHash.Out.ShouldStartWith(upSource, Case.Sensitive, remoteHash.All);
        var (downSource, downTarget) = Hashes(down.Out);
        downTarget.ShouldBe(downSource);
        (await CliRunner.RunAsync("case", "hash", back)).Out.ShouldStartWith(downSource);
        // The second copy first audited itself in PostgreSQL: one entry more than the first copy carried.
        downSource.ShouldNotBe(upSource);
        (await CliRunner.RunAsync("audit", "verify", "--case", back)).ExitCode.ShouldBe(0);

        // Then: the copy back reads exactly as the original
        var cluster = await LargestCluster(original);
        foreach (var args in new[] { new[] { "show", cluster }, ["clusters", "--json"], ["clusters", "--members", "--format", "csv"], ["hubs"], ["explain", "1", "2"] })
        {
            var a = await CliRunner.RunAsync([.. args, "--case", original]);
            var b = await CliRunner.RunAsync([.. args, "--case", back]);
            b.ExitCode.ShouldBe(a.ExitCode, string.Join(' ', args));
            b.Out.ShouldBe(a.Out, string.Join(' ', args));
        }

        var reportRunA = await CliRunner.RunAsync("report", cluster, "--out", _dir.File("report-a"), "--case", original, "-q", "--analyst", "T");
        // Without `npm ci` the map is left out (exit 1 with a warning); the rest of the report is written either way.
        reportRunA.ExitCode.ShouldBeOneOf(0, 1);
        var reportRunB = await CliRunner.RunAsync("report", cluster, "--out", _dir.File("report-b"), "--case", back, "-q", "--analyst", "T");
        reportRunB.ExitCode.ShouldBe(reportRunA.ExitCode, reportRunB.All);
        reportRunB.Error.ShouldBe(reportRunA.Error);
        var reportA = Normalised(File.ReadAllText(Path.Combine(_dir.File("report-a"), "report.html")), original);
        var reportB = Normalised(File.ReadAllText(Path.Combine(_dir.File("report-b"), "report.html")), back);
        reportB.ShouldBe(reportA);
    }

    [Fact]
    public async Task Copy_FileToFile_VerifiedAndAudited_InTheSourceAndTheCopy()
    {
        // Given
        var original = _dir.File("o.case");
        File.Copy(fixture.CasePath, original);
        var copy = _dir.File("sub/c.case");

        // When
        var run = await CliRunner.RunAsync("case", "copy", original, copy, "--json", "--analyst", "Ana");

        // Then
        run.ExitCode.ShouldBe(0, run.All);
        using var json = JsonDocument.Parse(run.Out);
        json.RootElement.GetProperty("verified").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("source_hash").GetString().ShouldBe(json.RootElement.GetProperty("target_hash").GetString());
        using var store = CaseStore.Open(copy);
        var last = store.ReadAudit().Last();
        (last.Actor, last.Action, last.Target).ShouldBe(("Ana", "case copy", Path.GetFullPath(copy)));
    }

    [SkippableFact]
    public async Task Copy_IntoANonEmptyTarget_RefusedWithoutForce()
    {
        // Given: a schema that already holds a copy, and a case file that exists
        Prerequisite.RequirePostgres();
        var remote = database.Schema();
        (await CliRunner.RunAsync("case", "copy", fixture.CasePath, remote, "-q")).ExitCode.ShouldBe(0);
        var existing = _dir.File("existing.case");
        File.Copy(fixture.CasePath, existing);

        // When
        var toRemote = await CliRunner.RunAsync("case", "copy", fixture.CasePath, remote, "-q");
        var toFile = await CliRunner.RunAsync("case", "copy", remote, existing, "-q");
        var forced = await CliRunner.RunAsync("case", "copy", fixture.CasePath, remote, "-q", "--force");

        // Then
        toRemote.ExitCode.ShouldBe(2);
        toRemote.Error.Trim().ShouldMatch(@"^netan: postgresql://netan@127\.0\.0\.1:\d+/\w+\?schema=s\d+ is not empty \(schema s\d+ has \d+ tables\): pass --force to replace them with the copy$");
        toFile.ExitCode.ShouldBe(2);
        toFile.Error.ShouldContain("already exists: pass --force");
        forced.ExitCode.ShouldBe(0, forced.All);
    }

    [SkippableFact]
    public async Task Copy_PasswordInTheLocator_NeverPrintedNorAudited()
    {
        // Given: the test server trusts loopback, so any password is accepted and must simply never show
        Prerequisite.RequirePostgres();
        var remote = database.Schema().Replace("postgresql://netan@", "postgresql://netan:Hunter2x@", StringComparison.Ordinal);
        var original = _dir.File("pw.case");
        File.Copy(fixture.CasePath, original);

        // When
        var run = await CliRunner.RunAsync("case", "copy", original, remote);

        // Then
        run.ExitCode.ShouldBe(0, run.All);
        run.All.ShouldNotContain("Hunter2x");
        run.Out.ShouldContain("postgresql://netan:***@127.0.0.1:");
        using var store = CaseStore.Open(original);
        store.ReadAudit().Last().Target.ShouldNotContain("Hunter2x");
        store.ReadAudit().Last().Target.ShouldContain(":***@");
    }

    [Fact]
    public async Task Doctor_LocatorWhereAPathGoes_DoesNotEchoThePassword()
    {
        // Given: doctor examines a case on PostgreSQL too, so it tries to reach the server (none listens there) and names it
        // When
        var run = await CliRunner.RunAsync("doctor", "postgresql://netan:Hunter2x@127.0.0.1:1/team");

        // Then
        run.ExitCode.ShouldBe(2);
        run.All.ShouldNotContain("Hunter2x");
        run.Error.ShouldContain("postgresql://netan:***@127.0.0.1:1/team");
    }

    [Theory]
    [InlineData("postgresql://netan@127.0.0.1:99999/team", "TO: not a PostgreSQL case locator: the port '99999' is not a number from 1 to 65535")]
    [InlineData("postgresql://127.0.0.1/team", "TO: not a PostgreSQL case locator: the user is missing")]
    [InlineData("postgresql://netan@127.0.0.1/team?schema=x&colour=red", "TO: not a PostgreSQL case locator: unknown parameter 'colour'")]
    public async Task Copy_BadLocator_OneLineNamingTheBadPart(string locator, string expected)
    {
        var run = await CliRunner.RunAsync("case", "copy", fixture.CasePath, locator);

        run.ExitCode.ShouldBe(2);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, run.Error);
        lines[0].ShouldContain(expected);
    }

    [Fact]
    public async Task Copy_NoServerListening_OneLineNamingTheServer()
    {
        // Port 9 on loopback (discard): nothing of ours listens there.
        var run = await CliRunner.RunAsync("case", "copy", fixture.CasePath, "postgresql://netan:Hunter2x@127.0.0.1:9/team", "-q");

        run.ExitCode.ShouldBe(2, run.All);
        run.Error.Trim().ShouldStartWith("netan: cannot connect to postgresql://netan:***@127.0.0.1:9/team: ");
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, run.Error);
        run.All.ShouldNotContain("Hunter2x");
    }

    [Fact]
    public async Task CommandThatNeverOpensTheCase_GivenAPostgresCase_RunsAsEver()
    {
        var run = await CliRunner.RunAsync("generate", "--ads", "5", "--seed", "1", "--out", _dir.File("gen"), "-q", "--case", "postgresql://netan@127.0.0.1:9/team");

        run.ExitCode.ShouldBe(0, run.All);
        File.Exists(Path.Combine(_dir.File("gen"), "ads.jsonl")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("clusters")]
    [InlineData("show", "c1")]
    [InlineData("audit", "verify")]
    [InlineData("export", "--format", "csv", "--out", "{out}")]
    [InlineData("serve")]
    public async Task ReadCommands_GivenAPostgresCaseWithNoServer_FailWithOneLineNamingIt(params string[] args)
    {
        var run = await CliRunner.RunAsync([.. args.Select(a => a.Replace("{out}", _dir.File("out"), StringComparison.Ordinal)), "--case", "postgresql://netan:Hunter2x@127.0.0.1:9/team"]);

        run.ExitCode.ShouldBe(2);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, run.Error);
        lines[0].ShouldStartWith("netan: cannot connect to postgresql://netan:***@127.0.0.1:9/team: ");
        run.All.ShouldNotContain("Hunter2x");
    }

    private static (string Source, string Target) Hashes(string output)
    {
        var source = SourceLine().Match(output);
        var target = TargetLine().Match(output);
        source.Success.ShouldBeTrue(output);
        target.Success.ShouldBeTrue(output);
        return (source.Groups[1].Value, target.Groups[1].Value);
    }

    private static async Task<string> LargestCluster(string casePath)
    {
        var run = await CliRunner.RunAsync("clusters", "--json", "--top", "1", "--case", casePath);
        using var json = JsonDocument.Parse(run.Out);
        var first = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement.GetProperty("clusters")[0];
        return first.GetProperty("id").GetString()!;
    }

    /// <summary>The report names its case file and when it was made; everything else must match.</summary>
    private static string Normalised(string html, string casePath) =>
        Timestamp().Replace(html.Replace(Path.GetFullPath(casePath), "CASE", StringComparison.Ordinal).Replace(Path.GetFileName(casePath), "CASE", StringComparison.Ordinal), "TIME");

    [GeneratedRegex(@"^source hash  ([0-9a-f]{64})  ", RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^target hash  ([0-9a-f]{64})  ", RegexOptions.Multiline)]
    private static partial Regex TargetLine();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?UTC|Z)?")]
    private static partial Regex Timestamp();
}
