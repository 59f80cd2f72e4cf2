using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Reporting.Html;

namespace NetworkAnalysis.Reporting.CaseFiles;

/// <summary>Settings of <see cref="ReferralCaseFileWriter"/>.</summary>
public sealed record ReferralCaseFileOptions
{
    /// <summary>How the HTML report shows identifiers and photos.</summary>
    public ReferralReportOptions Report { get; init; } = new();

    /// <summary>Also print the report to PDF with headless Chromium.</summary>
    public bool Pdf { get; init; }

    /// <summary>The Chromium runner used for the PDF.</summary>
    public ChromiumRunner Chromium { get; init; } = new();
}
