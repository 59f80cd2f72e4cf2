using System.Text.Json;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>export, report and chart never write through a symbolic link in --out, and never replace a file without --force.</summary>
public sealed class SafeOutputTests(AnalysedCaseFixture fixture) : IClassFixture<AnalysedCaseFixture>, IDisposable
{
    private const string Victim = "the analyst's own file\n";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> ClusterAsync()
    {
        var json = await CliRunner.RunAsync("clusters", "--format", "json", "--case", fixture.CasePath, "--min-size", "3");
        using var doc = JsonDocument.Parse(json.Out);
        return doc.RootElement[0].GetProperty("id").GetString()!;
    }

    private string VictimFile()
    {
        var victim = _dir.File("victim.txt");
        File.WriteAllText(victim, Victim);
        return victim;
    }

    private static void ShouldRefuseInOneLine(CliRunner.Run run, string word)
    {
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.Trim().Split('\n').Length.ShouldBe(1, run.Error);
        run.Error.ShouldContain(word);
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Export_OutFolderIsASymlink_IsRefusedAndNothingWritten()
    {
        // Given: --out names a link to another folder
        var real = Directory.CreateDirectory(_dir.File("elsewhere")).FullName;
        var link = _dir.File("out-link");
        Directory.CreateSymbolicLink(link, real);

        // When
        var run = await CliRunner.RunAsync("export", "--format", "csv", "--out", link, "--case", fixture.CasePath, "-q");

        // Then
        ShouldRefuseInOneLine(run, "symbolic link");
        Directory.GetFileSystemEntries(real).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public async Task Export_FileInOutIsASymlink_IsNotWrittenThrough(string format)
    {
        // Given: a first export, then one of its files (and the manifest) replaced by links to the analyst's own file
        var outDir = _dir.File("out-" + format);
        (await CliRunner.RunAsync("export", "--format", format, "--out", outDir, "--case", fixture.CasePath, "-q")).ExitCode.ShouldBe(0);
        var victim = VictimFile();
        var target = Directory.GetFiles(outDir).Order(StringComparer.Ordinal).First(f => !f.EndsWith("manifest.json", StringComparison.Ordinal));
        File.Delete(target);
        File.CreateSymbolicLink(target, victim);

        // When: it is exported again, even with --force
        var run = await CliRunner.RunAsync("export", "--format", format, "--out", outDir, "--case", fixture.CasePath, "-q", "--force");

        // Then
        ShouldRefuseInOneLine(run, "symbolic link");
        File.ReadAllText(victim).ShouldBe(Victim);
        new FileInfo(target).LinkTarget.ShouldBe(victim);
        Directory.GetDirectories(outDir).ShouldBeEmpty("no staging folder is left behind");
    }

    [Fact]
    public async Task Export_ExistingFiles_AreKeptWithoutForceAndReplacedWithIt()
    {
        // Given: an earlier export whose manifest the analyst still needs
        var outDir = _dir.File("again");
        (await CliRunner.RunAsync("export", "--format", "graphml", "--out", outDir, "--case", fixture.CasePath, "-q")).ExitCode.ShouldBe(0);
        var manifest = Path.Combine(outDir, "manifest.json");
        File.WriteAllText(manifest, Victim);

        // When / Then: without --force nothing is replaced
        var refused = await CliRunner.RunAsync("export", "--format", "graphml", "--out", outDir, "--case", fixture.CasePath, "-q");
        ShouldRefuseInOneLine(refused, "--force");
        File.ReadAllText(manifest).ShouldBe(Victim);

        // When / Then: with --force the export is written again
        var forced = await CliRunner.RunAsync("export", "--format", "graphml", "--out", outDir, "--case", fixture.CasePath, "-q", "--force");
        forced.ExitCode.ShouldBe(0, forced.All);
        File.ReadAllText(manifest).ShouldContain("\"outputs\"");
        Directory.GetDirectories(outDir).ShouldBeEmpty();
    }

    [Fact]
    public async Task Report_ExistingReportOrLinkedFile_IsRefused()
    {
        // Given: a report folder whose report.html is a link to the analyst's own file
        var cluster = await ClusterAsync();
        var outDir = Directory.CreateDirectory(_dir.File("report")).FullName;
        var victim = VictimFile();
        File.CreateSymbolicLink(Path.Combine(outDir, "report.html"), victim);

        // When / Then
        var linked = await CliRunner.RunAsync("report", cluster, "--out", outDir, "--case", fixture.CasePath, "-q", "--force");
        ShouldRefuseInOneLine(linked, "symbolic link");
        File.ReadAllText(victim).ShouldBe(Victim);

        // And: a real earlier report is kept unless --force
        File.Delete(Path.Combine(outDir, "report.html"));
        File.WriteAllText(Path.Combine(outDir, "report.html"), Victim);
        ShouldRefuseInOneLine(await CliRunner.RunAsync("report", cluster, "--out", outDir, "--case", fixture.CasePath, "-q"), "--force");
        File.ReadAllText(Path.Combine(outDir, "report.html")).ShouldBe(Victim);
        (await CliRunner.RunAsync("report", cluster, "--out", outDir, "--case", fixture.CasePath, "-q", "--force")).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(outDir, "report.html")).ShouldContain("<html");
    }

    [Fact]
    public async Task Chart_OutIsASymlinkOrExists_IsRefusedUnlessForcedOnARealFile()
    {
        // Given
        var victim = VictimFile();
        var link = _dir.File("link.svg");
        File.CreateSymbolicLink(link, victim);
        var existing = _dir.File("existing.svg");
        File.WriteAllText(existing, Victim);

        // When / Then: a link is refused even with --force
        ShouldRefuseInOneLine(await CliRunner.RunAsync("chart", "sizes", "--out", link, "--case", fixture.CasePath, "-q", "--force"), "symbolic link");
        File.ReadAllText(victim).ShouldBe(Victim);

        // An existing file is kept without --force and replaced with it
        ShouldRefuseInOneLine(await CliRunner.RunAsync("chart", "sizes", "--out", existing, "--case", fixture.CasePath, "-q"), "--force");
        File.ReadAllText(existing).ShouldBe(Victim);
        (await CliRunner.RunAsync("chart", "sizes", "--out", existing, "--case", fixture.CasePath, "-q", "--force")).ExitCode.ShouldBe(0);
        File.ReadAllText(existing).ShouldContain("<svg");
    }

    [Theory]
    [InlineData("csv", false)]
    [InlineData("parquet", false)]
    [InlineData("report", false)]
    [InlineData("chart", false)]
    [InlineData("csv", true)]
    [InlineData("report", true)]
    public async Task RefusedOutput_LeavesTheAuditChainUnchanged(string what, bool linked)
    {
        // Given: an earlier run wrote its files (its entry is in the audit log); for a link, one of them now points at the analyst's file
        var cluster = await ClusterAsync();
        var target = _dir.File("audited-" + what + (what == "chart" ? ".svg" : ""));
        string[] args = what switch
        {
            "report" => ["report", cluster, "--out", target],
            "chart" => ["chart", "sizes", "--out", target],
            _ => ["export", "--format", what, "--out", target],
        };
        (await CliRunner.RunAsync([.. args, "--case", fixture.CasePath, "-q"])).ExitCode.ShouldBe(0);
        if (linked)
        {
            var file = Directory.GetFiles(target).Order(StringComparer.Ordinal).First();
            File.Delete(file);
            File.CreateSymbolicLink(file, VictimFile());
        }

        var before = Audit();

        // When: it runs again without --force (with it, for the link)
        var run = await CliRunner.RunAsync([.. args, "--case", fixture.CasePath, "-q", .. linked ? new[] { "--force" } : []]);

        // Then: refused, and the audit log and its hash chain are as they were
        ShouldRefuseInOneLine(run, linked ? "symbolic link" : "--force");
        var after = Audit();
        after.Entries.ShouldBe(before.Entries);
        after.Head.ShouldBe(before.Head);
        after.Intact.ShouldBeTrue();
    }

    private (IReadOnlyList<Storage.AuditEntry> Entries, string? Head, bool Intact) Audit()
    {
        using var store = Storage.CaseStore.Open(fixture.CasePath);
        var verification = store.VerifyAudit();
        return (store.ReadAudit(), verification.HeadHash, verification.IsIntact);
    }
}
