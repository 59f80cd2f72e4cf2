namespace NetworkAnalysis.Reporting.CaseFiles;

/// <summary>What <see cref="ReferralCaseFileWriter"/> wrote.</summary>
/// <param name="Files">Every file written, manifest last.</param>
/// <param name="ReportPath">The HTML report.</param>
/// <param name="PdfPath">The PDF, when one was asked for and printed.</param>
/// <param name="Warnings">Problems that did not stop the case file (e.g. PDF printing failed).</param>
public sealed record ReferralCaseFileResult(IReadOnlyList<string> Files, string ReportPath, string? PdfPath, IReadOnlyList<string> Warnings);
