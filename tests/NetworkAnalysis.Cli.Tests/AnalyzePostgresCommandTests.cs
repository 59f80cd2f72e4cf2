using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// Issue #22's differential test, "the same corpus ingested and analysed into each store": one generated corpus in two parts,
/// each part ingested by <c>netan ingest</c> and then analysed by <c>netan analyze</c> (the second analysis incremental), and
/// the case scored, into a case file, into PostgreSQL by one worker and into PostgreSQL by two workers (<c>--shard</c>);
/// the three give the same ads, entities, clusters (IDs), hubs, weak links, lineage and scores, and the commands print,
/// report and export the same.
/// </summary>
public sealed partial class AnalyzePostgresCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    /// <summary>What the three stores must agree on, keyed by what identifies a row on every store (ad keys, entity type and
    /// value, cluster IDs), never row IDs, run IDs or timestamps (which depend on which worker committed first).</summary>
    private static readonly string[] Content =
    [
        "SELECT ad_key, site, ad_id, ifnull(posted_at,''), ifnull(city,''), ifnull(title,''), text, raw FROM ads ORDER BY ad_key",
        "SELECT type, value FROM entities ORDER BY type, value",
        """
        SELECT a.ad_key, e.type, e.value, ifnull(m.start,-1), ifnull(m.end,-1), m.raw, m.extractor, m.confidence
        FROM mentions m JOIN ads a ON a.id = m.ad JOIN entities e ON e.id = m.entity ORDER BY 1, 4, 5, 2, 3, 6, 7
        """,
        "SELECT id, size, phones, emails, entities, cities, city_count, ifnull(first_seen,''), ifnull(last_seen,'') FROM clusters ORDER BY id",
        "SELECT a.ad_key, m.cluster_id FROM memberships m JOIN ads a ON a.id = m.ad ORDER BY 1",
        "SELECT cluster_id, component_id FROM cluster_components ORDER BY 1",
        "SELECT cluster_id, cohesion FROM cluster_cohesion ORDER BY 1",
        "SELECT e.type, e.value, h.reason, h.ads, h.groups_joined FROM hub_entities h JOIN entities e ON e.id = h.entity ORDER BY 1, 2",
        "SELECT e.type, e.value, g.groups_joined FROM entity_groups g JOIN entities e ON e.id = g.entity ORDER BY 1, 2",
        """
        SELECT min(x.ad_key, y.ad_key), max(x.ad_key, y.ad_key), w.kind, w.similarity
        FROM weak_links w JOIN ads x ON x.id = w.ad_a JOIN ads y ON y.id = w.ad_b ORDER BY 1, 2, 3
        """,
        "SELECT ifnull(old_id,''), ifnull(new_id,''), kind, shared_ads FROM cluster_lineage ORDER BY rowid",
        "SELECT cluster_id, indicators_sha256, score, needs_review, contributions FROM scores ORDER BY 1, 2",
        "SELECT e.type, e.value, p.region, p.location, p.number_type FROM phone_details p JOIN entities e ON e.id = p.entity ORDER BY 1, 2",
        "SELECT count(*) FROM runs WHERE kind = 'analyze' AND finished_at IS NOT NULL",
    ];

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task SameCorpus_IngestedAndAnalysedIntoEachStore_GivesTheSameAnalysis_Reports_AndExports()
    {
        // Given: a generated corpus in two parts
        Prerequisite.RequirePostgres();
        var data = _dir.File("data");
        (await CliRunner.RunAsync("generate", "--ads", "700", "--seed", "6", "--out", data, "-q")).ExitCode.ShouldBe(0);
        var lines = File.ReadAllLines(Path.Combine(data, "ads.jsonl"));
        var parts = new[] { _dir.Write("part1.jsonl", string.Join('\n', lines[..450]) + "\n"), _dir.Write("part2.jsonl", string.Join('\n', lines[450..]) + "\n") };
        var file = _dir.File("file.case");
        var oneWorker = database.Schema();
        var twoWorkers = database.Schema();

        // When: each part is ingested and the case analysed (near-duplicate text links too, so weak links are saved),
        // then scored, on each store
        foreach (var part in parts)
        {
            await Run("ingest", part, "--case", file, "-q");
            await Run("ingest", part, "--case", oneWorker, "-q");
            await Run("ingest", part, "--case", twoWorkers, "--shard", "0/2", "-q");
            await Run("ingest", part, "--case", twoWorkers, "--shard", "1/2", "-q");
            foreach (var store in new[] { file, oneWorker, twoWorkers })
            {
                await Run("analyze", "--weak-links", "all", "--case", store, "-q");
            }
        }

        foreach (var store in new[] { file, oneWorker, twoWorkers })
        {
            await Run("score", "--case", store, "-q");
        }

        // Then: the second analysis was incremental on PostgreSQL too, and the table contents agree part by part
        using (var last = JsonDocument.Parse((await CliRunner.RunAsync("analyze", "--weak-links", "all", "--case", oneWorker, "--json")).Out))
        {
            last.RootElement.GetProperty("mode").GetString().ShouldBe("incremental");
            last.RootElement.GetProperty("ads").GetInt32().ShouldBe(lines.Length);
        }

        await Run("analyze", "--weak-links", "all", "--case", file, "-q");
        await Run("analyze", "--weak-links", "all", "--case", twoWorkers, "-q");
        var expected = Hashes(file);
        expected[3].Rows.ShouldBeGreaterThan(50);
        expected[9].Rows.ShouldBeGreaterThan(0, "no weak links were saved");
        expected[10].Rows.ShouldBeGreaterThan(0, "no lineage was saved");
        expected[11].Rows.ShouldBeGreaterThan(0, "nothing was scored");
        foreach (var remote in new[] { oneWorker, twoWorkers })
        {
            var back = _dir.File($"back-{Guid.NewGuid():N}.case");
            await Run("case", "copy", remote, back, "-q");
            var actual = Hashes(back);
            for (var i = 0; i < Content.Length; i++)
            {
                actual[i].ShouldBe(expected[i], $"{remote}: {Content[i]}");
            }
        }

        // Then: the commands print, report and export the same on every store
        var cluster = await LargestCluster(file);
        using var shown = JsonDocument.Parse((await CliRunner.RunAsync("show", cluster, "--json", "--case", file)).Out);
        var phone = shown.RootElement.GetProperty("phones")[0].GetProperty("number").GetString()!;
        string[][] commands =
        [
            ["clusters"], ["clusters", "--json"], ["clusters", "--sort", "risk"], ["clusters", "--members", "--format", "csv"], ["clusters", "--members", "--json"],
            ["show", cluster], ["show", cluster, "--json"], ["hubs"], ["hubs", "--json"], ["lookup", phone], ["lookup", phone, "--json"],
            ["evaluate", "--truth", Path.Combine(data, "truth.csv"), "--json"],
        ];
        foreach (var args in commands)
        {
            var onFile = await CliRunner.RunAsync([.. args, "--case", file]);
            foreach (var remote in new[] { oneWorker, twoWorkers })
            {
                var onServer = await CliRunner.RunAsync([.. args, "--case", remote]);
                var what = "netan " + string.Join(' ', args);
                onServer.ExitCode.ShouldBe(onFile.ExitCode, $"{what}: {onServer.All}");
                onServer.Out.ShouldBe(onFile.Out, what);
            }
        }

        var outputs = new List<(string[] Args, string Folder)> { (["report", cluster, "--analyst", "T"], "report") };
        foreach (var format in new[] { "graphml", "gexf", "cytoscape", "neo4j", "ftm", "csv", "parquet" })
        {
            outputs.Add((["export", "--format", format], "export-" + format));
        }

        var differing = new List<string>();
        foreach (var (args, folder) in outputs)
        {
            var what = "netan " + string.Join(' ', args);
            var onFile = await CliRunner.RunAsync([.. args, "--out", _dir.File("file/" + folder), "-q", "--case", file]);
            onFile.ExitCode.ShouldBeOneOf([0, 1], $"{what}: {onFile.All}");
            var names = Directory.GetFiles(_dir.File("file/" + folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            names.ShouldNotBeEmpty(what);
            foreach (var (remote, side) in new[] { (oneWorker, "one"), (twoWorkers, "two") })
            {
                var onServer = await CliRunner.RunAsync([.. args, "--out", _dir.File(side + "/" + folder), "-q", "--case", remote]);
                onServer.ExitCode.ShouldBe(onFile.ExitCode, $"{what}: {onServer.All}");
                Directory.GetFiles(_dir.File(side + "/" + folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList().ShouldBe(names, what);
                foreach (var name in names)
                {
                    var a = File.ReadAllBytes(Path.Combine(_dir.File("file/" + folder), name!));
                    var b = File.ReadAllBytes(Path.Combine(_dir.File(side + "/" + folder), name!));
                    var same = name is "report.html" or "manifest.json" or "SHA256SUMS"
                        ? Normalised(b, remote) == Normalised(a, file)
                        : b.SequenceEqual(a);
                    if (!same)
                    {
                        differing.Add($"{what} ({side} worker): {name}");
                    }
                }
            }
        }

        differing.ShouldBeEmpty();
        foreach (var remote in new[] { oneWorker, twoWorkers })
        {
            (await CliRunner.RunAsync("audit", "verify", "--case", remote)).ExitCode.ShouldBe(0);
        }
    }

    private static async Task Run(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        run.ExitCode.ShouldBe(0, $"netan {string.Join(' ', args)}: {run.All}");
    }

    private static List<(long Rows, string Hash)> Hashes(string caseFile)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = caseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        return [.. Content.Select(sql => QueryHash.Of(c, sql))];
    }

    private static async Task<string> LargestCluster(string casePath)
    {
        var run = await CliRunner.RunAsync("clusters", "--json", "--top", "1", "--case", casePath);
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement[0].GetProperty("id").GetString()!;
    }

    /// <summary>A report or manifest with the case's name (file name, or the masked locator) and every timestamp replaced,
    /// and SHA256SUMS without the lines of the files that hold them.</summary>
    private static string Normalised(byte[] bytes, string location)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var name = location.StartsWith("postgresql:", StringComparison.Ordinal) ? location : Path.GetFileName(location);
        text = Timestamp().Replace(text.Replace(name, "CASE", StringComparison.Ordinal), "TIME");
        text = ReportOutput().Replace(text, "\"path\": \"report.html\"");
        // Run IDs count every run of the case: two workers ran two ingests per part (the manifest's and the report's).
        text = RunId().Replace(text, "$1: \"RUN\"");
        text = RunIdCell().Replace(text, "${1}RUN");
        return string.Join('\n', text.Split('\n').Where(l => !l.EndsWith("  report.html", StringComparison.Ordinal) && !l.EndsWith("  manifest.json", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"""path"": ""report\.html"",\s*""sha256"": ""[0-9a-f]{64}"",\s*""bytes"": \d+")]
    private static partial Regex ReportOutput();

    [GeneratedRegex(@"(""[a-z_]+\.run""): ""\d+""")]
    private static partial Regex RunId();

    [GeneratedRegex(@"(\.run</th>\s*<td>)\d+")]
    private static partial Regex RunIdCell();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?( ?UTC)?(\+00:00|Z)?")]
    private static partial Regex Timestamp();
}
