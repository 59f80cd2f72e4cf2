namespace NetworkAnalysis.Core.Risk;

/// <summary>One row of an ablation study: the evaluation with one indicator removed (or none).</summary>
/// <param name="RemovedIndicator">The indicator whose weight was set to 0, or null for the full set.</param>
/// <param name="Evaluation">How well the remaining indicators separate the labelled clusters.</param>
public sealed record RiskAblationRow(string? RemovedIndicator, RiskEvaluation Evaluation);
