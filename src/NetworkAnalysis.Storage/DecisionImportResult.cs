namespace NetworkAnalysis.Storage;

/// <summary>What <see cref="CaseStore.ImportDecisions"/> did with each decision of a decisions file.</summary>
/// <param name="SourceCase">The case the file was exported from, as the file names it.</param>
/// <param name="Imported">The decisions stored, as stored in this case (their new IDs; who, when and why kept).</param>
/// <param name="AlreadyPresent">Decisions of the file this case holds already (same kind, targets, who and time): not duplicated.</param>
/// <param name="UndoneNow">Decisions this case held standing that the file says were undone: now undone here too.</param>
/// <param name="Skipped">Decisions not imported, each with the reason (a field the case cannot resolve, or a conflict).</param>
public sealed record DecisionImportResult(
    string? SourceCase,
    IReadOnlyList<AnalystDecision> Imported,
    IReadOnlyList<AnalystDecision> AlreadyPresent,
    IReadOnlyList<AnalystDecision> UndoneNow,
    IReadOnlyList<DecisionImportSkip> Skipped);
