namespace NetworkAnalysis.Storage;

/// <summary>How an analysis honoured one decision.</summary>
/// <param name="Decision">The decision.</param>
/// <param name="Applies">False when nothing it names is in the case any longer (it was honoured as far as it could be otherwise).</param>
/// <param name="Note">Why it no longer applies, or what part of it is gone; null when it applied in full.</param>
public sealed record DecisionOutcome(AnalystDecision Decision, bool Applies, string? Note);
