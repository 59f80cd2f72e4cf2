using System.Text.Json;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>On a generated corpus with planted mistakes, analysts' decisions take B-cubed F1 where it should go.</summary>
public sealed class DecisionsEvaluationTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Decisions_OnPlantedMistakes_RaiseBCubedF1ToTheMistakeFreeScore_AndEvaluateShowsBoth()
    {
        // Given a generated corpus with three planted networks: rings P and Q glued by an agency e-mail on half their ads
        // (two groups, under the hub limit: a hub the rule misses), and ring S whose two halves share nothing (a missing link)
        var corpus = _dir.File("corpus");
        (await CliRunner.RunAsync("generate", "--ads", "1000", "--seed", "11", "--out", corpus, "--quiet")).ExitCode.ShouldBe(0);
        var ads = File.ReadAllText(Path.Combine(corpus, "ads.jsonl")).TrimEnd('\n');
        var truth = File.ReadAllText(Path.Combine(corpus, "truth.csv")).TrimEnd('\n');
        var mistaken = Planted(glue: "plantagency@example.com", otherGlue: "plantagency@example.com", sHalfB: "plantringsb@example.com");
        var mistakeFree = Planted(glue: "plantagencyp@example.com", otherGlue: "plantagencyq@example.com", sHalfB: "plantringsa@example.com");
        var truthRows = truth + "\n" + string.Join('\n', mistaken.Select(p => $"{p.Id},{p.Group},ring"));
        File.WriteAllText(_dir.File("truth.csv"), truthRows);
        var casePath = await Analysed("mistaken", ads, mistaken);
        var referencePath = await Analysed("reference", ads, mistakeFree);
        var before = await BCubed(casePath, "clusters");
        var reference = await BCubed(referencePath, "clusters");
        ClusterOf(casePath, "plant-p0").ShouldBe(ClusterOf(casePath, "plant-q0"), "the planted glue did not glue: the test would prove nothing");
        ClusterOf(casePath, "plant-s0").ShouldNotBe(ClusterOf(casePath, "plant-s5"), "the planted split did not split");
        before.ShouldBeLessThan(reference);

        // When an analyst marks the agency e-mail a hub and merges the two halves of S
        (await CliRunner.RunAsync("decide", "hub", "plantagency@example.com", "--why", "agency address, answers for two rings", "--case", casePath)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("decide", "merge", ClusterOf(casePath, "plant-s0"), ClusterOf(casePath, "plant-s5"), "--why", "same photos on both halves", "--case", casePath)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);

        // Then B-cubed F1 rises to exactly the mistake-free score, and evaluate shows the automatic result beside it
        var after = await BCubed(casePath, "clusters");
        var automatic = await BCubed(casePath, "automatic");
        output.WriteLine($"B-cubed F1: automatic {before:F4}, decided {after:F4}, mistake-free {reference:F4}");
        after.ShouldBe(reference, 1e-12);
        automatic.ShouldBe(before, 1e-12);
        var table = await CliRunner.RunAsync("evaluate", "--truth", _dir.File("truth.csv"), "--case", casePath);
        table.Out.ShouldContain("Clusters (decided)");
        table.Out.ShouldContain("Automatic");
        table.Out.ShouldContain(after.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
        table.Out.ShouldContain(before.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string> Analysed(string name, string ads, IReadOnlyList<(string Id, string Group, string Json)> planted)
    {
        var file = _dir.Write(name + ".jsonl", ads + "\n" + string.Join('\n', planted.Select(p => p.Json)));
        var casePath = _dir.File(name + ".case");
        (await CliRunner.RunAsync("ingest", file, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        return casePath;
    }

    private async Task<double> BCubed(string casePath, string which)
    {
        var run = await CliRunner.RunAsync("evaluate", "--truth", _dir.File("truth.csv"), "--case", casePath, "--json");
        run.ExitCode.ShouldBe(0, run.All);
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty(which).GetProperty("b_cubed_f1").GetDouble();
    }

    /// <summary>Rings P and Q (6 ads each, own e-mail; ads 0-2 also name the glue) and ring S (6 ads; 0-2 one e-mail, 3-5 <paramref name="sHalfB"/>).</summary>
    private static List<(string Id, string Group, string Json)> Planted(string glue, string otherGlue, string sHalfB)
    {
        var list = new List<(string, string, string)>();
        for (var i = 0; i < 6; i++)
        {
            list.Add(Ad($"plant-p{i}", "GPLANTP", "plantringp@example.com" + (i < 3 ? " or " + glue : "")));
            list.Add(Ad($"plant-q{i}", "GPLANTQ", "plantringq@example.com" + (i < 3 ? " or " + otherGlue : "")));
            list.Add(Ad($"plant-s{i}", "GPLANTS", i < 3 ? "plantringsa@example.com" : sHalfB));
        }

        return list;

        static (string, string, string) Ad(string id, string group, string email) =>
            (id, group, $$"""{"id":"{{id}}","site":"plant.example","body":"Sweet and discreet. Email {{email}} to book."}""");
    }

    private static string ClusterOf(string casePath, string adId)
    {
        using var store = CaseStore.Open(casePath);
        return store.Memberships().Single(m => m.AdId == adId).ClusterId!;
    }
}
