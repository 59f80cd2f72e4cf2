using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>
/// A referral case file whose banner says IDENTIFIERS MASKED shows no identifier of its cluster anywhere: the text of every
/// output (HTML, the PDF Chromium prints, CSV, SVG charts, manifest) is searched for every identifier's canonical value and
/// every raw form the ads wrote it in.
/// </summary>
public sealed class ReportMaskingTests(AnalysedCaseFixture fixture) : IClassFixture<AnalysedCaseFixture>, IDisposable
{
    private const string PdfToText = "/usr/bin/pdftotext";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The cluster with the most distinct identifiers, and every canonical value and raw form of them (4+ characters).</summary>
    private (string Cluster, List<string> Identifiers) RichestCluster()
    {
        using var db = new SqliteConnection($"Data Source={fixture.CasePath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var pick = db.CreateCommand();
        pick.CommandText = """
            SELECT m.cluster_id FROM memberships m JOIN mentions x ON x.ad = m.ad JOIN entities e ON e.id = x.entity
            WHERE e.type NOT IN ('image', 'poster') GROUP BY m.cluster_id ORDER BY count(DISTINCT x.entity) DESC, m.cluster_id LIMIT 1
            """;
        var cluster = (string)pick.ExecuteScalar()!;
        using var values = db.CreateCommand();
        values.CommandText = """
            SELECT e.value, x.raw FROM memberships m JOIN mentions x ON x.ad = m.ad JOIN entities e ON e.id = x.entity WHERE m.cluster_id = $c
            """;
        values.Parameters.AddWithValue("$c", cluster);
        var identifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var r = values.ExecuteReader();
        while (r.Read())
        {
            identifiers.Add(r.GetString(0));
            if (!r.IsDBNull(1))
            {
                identifiers.Add(r.GetString(1));
            }
        }

        return (cluster, identifiers.Select(i => i.Trim()).Where(i => i.Length >= 4).ToList());
    }

    /// <summary>Chromium (to print the PDF) and pdftotext (to read it back): outside CI a missing one skips, in CI it fails.</summary>
    private static void RequirePdfTools()
    {
        var chromium = new NetworkAnalysis.Reporting.Chromium.ChromiumRunner();
        Prerequisite.Require(chromium.IsAvailable, "Chromium", chromium.Missing ?? "");
        Prerequisite.Require(File.Exists(PdfToText), "pdftotext", Prerequisite.Apt("poppler-utils"));
    }

    [SkippableFact]
    public async Task Report_MaskedByDefault_NoIdentifierInAnyOutputIncludingThePdf()
    {
        RequirePdfTools();

        // Given the cluster with the most identifiers and all their values and raw forms
        var (cluster, identifiers) = RichestCluster();
        identifiers.Count.ShouldBeGreaterThan(3);
        var outDir = _dir.File("masked");

        // When its case file is written with the defaults, PDF included
        var run = await CliRunner.RunAsync("report", cluster, "--case", fixture.CasePath, "--out", outDir, "--pdf", "-q");

        // Then the banner says masked, and no output's text holds any identifier in any form
        run.ExitCode.ShouldBe(0, run.All);
        var texts = OutputTexts(outDir);
        texts.Keys.ShouldBe(["ads.csv", "manifest.json", "map.svg", "movement.svg", "network.svg", "report.html", "report.pdf", "risk.svg", "SHA256SUMS", "timeline.svg"], ignoreOrder: true);
        texts["report.html"].ShouldContain("IDENTIFIERS MASKED");
        texts["report.pdf"].ShouldContain("IDENTIFIERS MASKED");
        var leaks = texts.SelectMany(t => identifiers.Where(i => t.Value.Contains(i, StringComparison.OrdinalIgnoreCase)).Select(i => $"{t.Key}: {i}")).ToList();
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Report_ShowIdentifiers_ChangesTheBannerAndShowsThem()
    {
        var (cluster, identifiers) = RichestCluster();
        var outDir = _dir.File("shown");

        var run = await CliRunner.RunAsync("report", cluster, "--case", fixture.CasePath, "--out", outDir, "--show-identifiers", "-q");

        run.ExitCode.ShouldBe(0, run.All);
        var html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(outDir, "report.html")));
        html.ShouldContain("IDENTIFIERS SHOWN");
        html.ShouldNotContain("IDENTIFIERS MASKED");
        identifiers.Count(i => html.Contains(i, StringComparison.OrdinalIgnoreCase)).ShouldBeGreaterThan(identifiers.Count / 2);
    }

    /// <summary>The readable text of every file in the case file folder: entities decoded, JSON strings unescaped, PDF through pdftotext.</summary>
    private static Dictionary<string, string> OutputTexts(string dir)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir))
        {
            var name = Path.GetFileName(file);
            texts[name] = Path.GetExtension(file) switch
            {
                ".pdf" => Pdf(file),
                ".json" => string.Join('\n', JsonStrings(JsonDocument.Parse(File.ReadAllText(file)).RootElement)),
                _ => File.ReadAllText(file) + "\n" + WebUtility.HtmlDecode(File.ReadAllText(file)),
            };
        }

        return texts;
    }

    private static IEnumerable<string> JsonStrings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => JsonStrings(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(JsonStrings),
        _ => [e.GetRawText()],
    };

    private static string Pdf(string path)
    {
        using var process = Process.Start(new ProcessStartInfo(PdfToText, ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        text.Length.ShouldBeGreaterThan(200, "pdftotext found almost no text: the PDF would hide a leak");
        // pdftotext breaks lines where the page does: search the text joined as well as line by line.
        return text + "\n" + text.Replace("\n", "", StringComparison.Ordinal) + "\n" + text.Replace("\n", " ", StringComparison.Ordinal);
    }
}
