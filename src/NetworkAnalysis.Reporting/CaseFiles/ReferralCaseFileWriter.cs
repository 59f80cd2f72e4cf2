using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Custody;
using NetworkAnalysis.Reporting.Exports;
using NetworkAnalysis.Reporting.Html;
using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.CaseFiles;

/// <summary>Writes a complete referral case file folder: report.html (+ PDF), the charts as SVG, ads.csv and the custody manifest.</summary>
public static class ReferralCaseFileWriter
{
    /// <summary>Writes the case file into <paramref name="directory"/>.</summary>
    public static async Task<ReferralCaseFileResult> WriteAsync(ClusterReportModel model, string directory, ReferralCaseFileOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var report = options.Report;
        var show = report.ShowIdentifiers && !report.Redact;
        var files = new List<string>();
        var warnings = new List<string>();

        var reportPath = Path.Combine(directory, "report.html");
        await File.WriteAllTextAsync(reportPath, ReferralReportWriter.Render(model, report), ExportFiles.Utf8NoBom, cancellationToken).ConfigureAwait(false);
        files.Add(reportPath);
        var charts = new List<(string Name, ISvgChart Chart)>
        {
            ("network.svg", new NetworkChart(model.Graph, new NetworkChartOptions { ShowIdentifiers = show, Layout = report.Layout, Title = "Cluster " + model.ClusterId })),
            ("timeline.svg", new TimelineChart(model.Graph.Ads)),
            ("movement.svg", new MovementChart(model.Graph.Ads)),
            ("risk.svg", new RiskContributionChart(model.RiskIndicators, model.RiskScore)),
        };
        if (Geo.GeoAtlas.Default is { } atlas)
        {
            charts.Add(("map.svg", new MovementMapChart(model.Graph.Ads, atlas)));
        }
        else
        {
            warnings.Add("map.svg not written: " + Geo.GeoDataFiles.MissingHint);
        }

        foreach (var (name, chart) in charts)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, chart.ToSvg(), ExportFiles.Utf8NoBom, cancellationToken).ConfigureAwait(false);
            files.Add(path);
        }

        files.AddRange(new AdCsvExporter { ShowIdentifiers = show }.Export(model.Graph, directory, cancellationToken));
        string? pdfPath = null;
        if (options.Pdf)
        {
            var target = Path.Combine(directory, "report.pdf");
            var result = await options.Chromium.PrintToPdfAsync(reportPath, target, cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                pdfPath = target;
                files.Add(target);
            }
            else
            {
                warnings.Add("PDF not written: " + result.Error);
            }
        }

        var parameters = new Dictionary<string, string>(model.Parameters, StringComparer.Ordinal)
        {
            ["report.showIdentifiers"] = show ? "true" : "false",
            ["report.showImages"] = report.ShowImages && !report.Redact ? "true" : "false",
            ["report.redact"] = report.Redact ? "true" : "false",
            ["report.layoutSeed"] = report.Layout.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (model.SignOff is { } signOff)
        {
            // The referral content this file shows, and whether a reviewer signed exactly that (issue #22).
            parameters["review.contentSha256"] = signOff.CurrentSha256;
            parameters["review.signOff"] = ReferralReportWriter.ReviewLine(signOff);
        }

        var manifest = new CustodyManifest
        {
            ToolVersion = model.ToolVersion,
            GeneratedAt = model.GeneratedAt,
            Analyst = model.Analyst,
            Notes = model.Notes,
            Action = "report " + model.ClusterId,
            Parameters = parameters,
            Sources = model.Sources.Select(s => new CustodyFile(s.Path, s.Sha256, s.Bytes)).ToList(),
            Outputs = CustodyManifestWriter.Describe(directory, files),
        };
        files.AddRange(CustodyManifestWriter.Write(manifest, directory));
        return new ReferralCaseFileResult(files, reportPath, pdfPath, warnings);
    }
}
