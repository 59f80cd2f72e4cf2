using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// `netan report` says whether the referral it writes is the content a reviewer signed off (#22): in its output, in the
/// report's chain-of-custody table and in the manifest; a change after the sign-off is named, never passed off as signed.
/// </summary>
public sealed class ReportSignOffTests(AnalysedCaseFixture fixture) : IClassFixture<AnalysedCaseFixture>, IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(string Out, string Html, string Review, string Sha)> Report(string casePath, string cluster, string name)
    {
        var dir = _dir.File(name);
        var run = await CliRunner.RunAsync("report", cluster, "--out", dir, "--case", casePath);
        run.ExitCode.ShouldBe(0, run.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var parameters = manifest.RootElement.GetProperty("parameters");
        return (run.Out, File.ReadAllText(Path.Combine(dir, "report.html")),
            parameters.GetProperty("review.signOff").GetString()!, parameters.GetProperty("review.contentSha256").GetString()!);
    }

    [Fact]
    public async Task Report_NeverSigned_SignedAsItStands_ChangedSince_EachSaidInOutputHtmlAndManifest()
    {
        // Given: a copy of the analysed case and one of its clusters
        var casePath = _dir.File("signed.case");
        File.Copy(fixture.CasePath, casePath);
        string cluster;
        using (var store = CaseStore.Open(casePath))
        {
            cluster = store.ListClusters(new ClusterListQuery(Limit: 1)).Items[0].Summary.Id;
        }

        // When: reported before any sign-off, after a reviewer signs it off, and after a note changes it
        var before = await Report(casePath, cluster, "before");
        ReferralSignOff signed;
        using (var store = CaseStore.Open(casePath))
        {
            signed = store.SignOffReferral(cluster, "rita <b>reviewer</b>");
        }

        var after = await Report(casePath, cluster, "after");
        using (var store = CaseStore.Open(casePath))
        {
            store.AddClusterNote(cluster, "one more ad checked by phone", "ana");
        }

        var changed = await Report(casePath, cluster, "changed");

        // Then
        before.Review.ShouldBe("not signed off by a reviewer");
        before.Out.ShouldContain("review: not signed off by a reviewer");
        after.Sha.ShouldBe(signed.ContentSha256);
        after.Review.ShouldStartWith("signed off as it stands: version 1 by rita <b>reviewer</b>");
        after.Out.ShouldContain("review: signed off as it stands: version 1");
        after.Html.ShouldContain("signed off as it stands: version 1 by rita &lt;b&gt;reviewer&lt;/b&gt;");
        after.Html.ShouldNotContain("<b>reviewer</b>");
        changed.Sha.ShouldNotBe(signed.ContentSha256);
        changed.Review.ShouldStartWith("changed since version 1 was signed off by rita <b>reviewer</b>");
        changed.Html.ShouldContain("changed since version 1 was signed off");
        changed.Out.ShouldContain("review: changed since version 1");
    }
}
