using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary><c>netan decisions export|import</c>: an analyst's corrections travel to another case built from the same inputs.</summary>
public sealed class DecisionsCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExportAndImport_EveryKind_CaseBGetsCaseAsClustersAndListsTheSameDecisions()
    {
        // Given case A from a generated corpus with one decision of each kind (and one undone), analysed
        var ads = await Corpus();
        var a = await Case("a.case", ads);
        var automatic = Partition(a);
        var picks = Pick(a);
        await Ok("decide", "not-same", picks.Undone[0], picks.Undone[1], "--why", "a slip", "--by", "J. Doe", "--case", a);
        await Ok("decide", "undo", "1", "--by", "J. Doe", "--case", a);
        await Ok("decide", "hub", picks.HubPhone, "--why", "agency booking line", "--by", "J. Doe", "--case", a);
        await Ok("decide", "never-hub", picks.NeverHubPhone, "--why", "her own phone", "--by", "J. Doe", "--case", a);
        await Ok("decide", "merge", picks.Merge[0], picks.Merge[1], "--why", "same photo set on a second site", "--by", "J. Doe", "--case", a);
        await Ok("decide", "split", picks.Split, "--side-a", picks.SplitA, "--side-b", picks.SplitB, "--why", "two women, one driver", "--by", "J. Doe", "--case", a);
        await Ok("decide", "not-same", picks.NotSame[0], picks.NotSame[1], "--why", "different women in the photos", "--by", "J. Doe", "--case", a);
        await Ok("analyze", "--full", "--case", a, "-q");
        var expected = Partition(a);
        expected.ShouldNotBe(automatic, "the decisions must change the clustering, or this test proves nothing");

        // When A's decisions are exported and case B, built from the same ads, imports them and is analysed
        var file = _dir.File("a-decisions.json");
        var export = await Ok("decisions", "export", file, "--case", a);
        var b = await Case("b.case", ads);
        var import = await Ok("decisions", "import", file, "--case", b);
        await Ok("analyze", "--case", b, "-q");

        // Then B's clusters are A's (by ad keys) and `netan decisions` lists the same decisions
        export.Out.ShouldContain("Wrote 6 decisions to ");
        import.Out.ShouldContain("Imported 6 decisions (0 already in the case, 0 undone as in the file, 0 skipped)");
        Partition(b).ShouldBe(expected);
        (await Listed(b)).ShouldBe(await Listed(a));
        (await Ok("decisions", "--case", b)).Out.ShouldContain("undone by J. Doe");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        doc.RootElement.GetProperty("format").GetString().ShouldBe("netan-decisions");
        doc.RootElement.GetProperty("version").GetInt32().ShouldBe(1);
        doc.RootElement.GetProperty("case").GetString().ShouldBe("a.case");
    }

    [Fact]
    public async Task Import_OneBadDecision_RestImported_BadOneNamed_ReimportAddsNothing()
    {
        // Given a file of two not-same decisions, the first naming an ad case B does not have
        var ads = await Corpus();
        var a = await Case("a.case", ads);
        var picks = Pick(a);
        await Ok("decide", "not-same", picks.NotSame[0], picks.NotSame[1], "--why", "different women", "--case", a);
        await Ok("decide", "not-same", picks.Undone[0], picks.Undone[1], "--why", "different women too", "--case", a);
        var file = _dir.File("two.json");
        await Ok("decisions", "export", file, "--case", a);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["decisions"]![0]!["side_b"]![0] = "site/nosuch";
        File.WriteAllText(file, json.ToJsonString());
        var b = await Case("b.case", ads);

        // When it is imported twice
        var first = await CliRunner.RunAsync("decisions", "import", file, "--case", b);
        var second = await CliRunner.RunAsync("decisions", "import", file, "--case", b);

        // Then the bad one is named by index, source ID and field; the other is in, once
        first.ExitCode.ShouldBe(1, first.All);
        first.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldBe("netan: two.json: decisions[0] (decision 1 of the source): side_b[0]: no ad 'site/nosuch' in the case; skipped");
        first.Out.ShouldContain("Imported 1 decision (0 already in the case, 0 undone as in the file, 1 skipped)");
        second.Out.ShouldContain("Imported 0 decisions (1 already in the case, 0 undone as in the file, 1 skipped)");
        using var doc = JsonDocument.Parse((await Ok("decisions", "--json", "--case", b)).Out);
        doc.RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("why").GetString().ShouldBe("different women too");
    }

    [Theory]
    [InlineData("{\"format\":\"netan-decisions\",\"version\":1,\"decisions\":[{\"kind\":", "broken.json: not a decisions file: malformed JSON at line 1")]
    [InlineData("{\"format\":\"netan-decisions\",\"version\":2,\"decisions\":[]}", "broken.json: field 'version': this netan reads decisions files of version 1 only")]
    public async Task Import_NotADecisionsFile_OneLineNamingIt_Exit2(string text, string expected)
    {
        var b = await Case("b.case", await Corpus());
        var file = _dir.Write("broken.json", text);

        var run = await CliRunner.RunAsync("decisions", "import", file, "--case", b);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("netan: " + expected);
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Export_ExistingFile_RefusedWithoutForce_AndTheListIsUnchanged()
    {
        var a = await Case("a.case", await Corpus());
        var file = _dir.Write("there.json", "keep me");

        var refused = await CliRunner.RunAsync("decisions", "export", file, "--case", a);
        var forced = await CliRunner.RunAsync("decisions", "export", file, "--force", "--case", a);
        var list = await CliRunner.RunAsync("decisions", "--case", a);

        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("exists; pass --force");
        forced.ExitCode.ShouldBe(0, forced.All);
        File.ReadAllText(file).ShouldContain("\"format\": \"netan-decisions\"");
        list.Out.ShouldContain("No decisions in this case");
    }

    private async Task<string> Corpus()
    {
        var corpus = _dir.File("corpus");
        if (!Directory.Exists(corpus))
        {
            await Ok("generate", "--ads", "400", "--seed", "5", "--out", corpus, "--quiet");
        }

        return Path.Combine(corpus, "ads.jsonl");
    }

    private async Task<string> Case(string name, string ads)
    {
        var path = _dir.File(name);
        await Ok("ingest", ads, "--case", path, "-q");
        await Ok("analyze", "--case", path, "-q");
        return path;
    }

    private static async Task<CliRunner.Run> Ok(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        run.ExitCode.ShouldBe(0, $"netan {string.Join(' ', args)}: {run.All}");
        return run;
    }

    /// <summary>Targets in six different clusters, so no two decisions conflict.</summary>
    private static Picks Pick(string casePath)
    {
        using var store = CaseStore.Open(casePath);
        var clusters = store.Memberships().Where(m => m.ClusterId is not null).GroupBy(m => m.ClusterId!)
            .Where(g => g.Count() >= 3).OrderBy(g => g.Key, StringComparer.Ordinal).Take(6)
            .Select(g => (Id: g.Key, Ads: g.Select(m => m.AdKey).Order(StringComparer.Ordinal).ToList())).ToList();
        clusters.Count.ShouldBe(6, "the generated corpus has six clusters of three ads or more");
        var phones = store.CaseMentions(clusters[0].Id).Where(m => m.Type == "phone").Select(m => m.Type + ":" + m.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var otherPhones = store.CaseMentions(clusters[5].Id).Where(m => m.Type == "phone").Select(m => m.Type + ":" + m.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        return new Picks(
            phones[0],
            otherPhones.First(p => p != phones[0]),
            [clusters[1].Id, clusters[2].Id],
            clusters[3].Id,
            clusters[3].Ads[0],
            string.Join(',', clusters[3].Ads.Skip(1)),
            [clusters[4].Ads[0], clusters[4].Ads[^1]],
            [clusters[5].Ads[0], clusters[5].Ads[^1]]);
    }

    /// <summary>The membership partition by ad keys, whatever the cluster IDs.</summary>
    private static List<string> Partition(string casePath)
    {
        using var store = CaseStore.Open(casePath);
        return [.. store.Memberships().Where(m => m.ClusterId is not null).GroupBy(m => m.ClusterId!)
            .Select(g => string.Join(",", g.Select(m => m.AdKey).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    /// <summary>`netan decisions --json` without the case-local ID and run.</summary>
    private static async Task<List<string>> Listed(string casePath)
    {
        var node = JsonNode.Parse((await Ok("decisions", "--json", "--case", casePath)).Out)!.AsArray();
        return [.. node.Select(d =>
        {
            var o = d!.AsObject();
            o.Remove("id");
            o.Remove("run");
            return o.ToJsonString();
        })];
    }

    private sealed record Picks(string HubPhone, string NeverHubPhone, string[] Merge, string Split, string SplitA, string SplitB, string[] NotSame, string[] Undone);
}
