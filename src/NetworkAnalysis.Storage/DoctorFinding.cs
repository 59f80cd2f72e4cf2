namespace NetworkAnalysis.Storage;

/// <summary>One thing <see cref="CaseDoctor"/> found.</summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Check">Which check found it: <c>file</c>, <c>header</c>, <c>wal</c>, <c>integrity</c>, <c>foreign-keys</c>, <c>schema</c>, <c>tables</c>, <c>audit</c>, <c>ingest</c>.</param>
/// <param name="Message">What was found, written for the user.</param>
public sealed record DoctorFinding(DoctorSeverity Severity, string Check, string Message);
