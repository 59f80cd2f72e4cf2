namespace NetworkAnalysis.Storage;

/// <summary>What <see cref="CaseDoctor.Examine"/> found in a case file.</summary>
/// <param name="Path">The examined file.</param>
/// <param name="Findings">Every finding, in check order.</param>
/// <param name="TableRows">Rows counted per table (tables that could not be counted are absent).</param>
public sealed record DoctorReport(string Path, IReadOnlyList<DoctorFinding> Findings, IReadOnlyDictionary<string, long> TableRows)
{
    /// <summary>Whether nothing at warning or error level was found.</summary>
    public bool Healthy => Findings.All(f => f.Severity == DoctorSeverity.Info);

    /// <summary>Whether the file is damaged (an error-level finding).</summary>
    public bool Damaged => Findings.Any(f => f.Severity == DoctorSeverity.Error);
}
