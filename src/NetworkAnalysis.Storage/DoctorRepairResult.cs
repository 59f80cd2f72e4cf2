namespace NetworkAnalysis.Storage;

/// <summary>What <see cref="CaseDoctor.Repair"/> wrote and how much it saved.</summary>
/// <param name="OutputPath">The repaired copy (the damaged original is never modified).</param>
/// <param name="Method"><c>vacuum</c> when SQLite could copy the whole case (indexes rebuilt); <c>salvage</c> when rows were read one range at a time around damaged pages.</param>
/// <param name="RowsRecovered">Rows written to the copy, per table.</param>
/// <param name="DamagedRanges">Per table, how many unreadable row ranges were skipped (salvage only).</param>
/// <param name="OrphansRemoved">Rows dropped from the copy because the row they point to was lost.</param>
/// <param name="IntegrityOk">Whether the copy passes SQLite's integrity_check and foreign_key_check.</param>
/// <param name="Notes">What was done and what the user should do next.</param>
public sealed record DoctorRepairResult(
    string OutputPath,
    string Method,
    IReadOnlyDictionary<string, long> RowsRecovered,
    IReadOnlyDictionary<string, long> DamagedRanges,
    long OrphansRemoved,
    bool IntegrityOk,
    IReadOnlyList<string> Notes);
