namespace NetworkAnalysis.Core.Risk;

/// <summary>How well scores separate positives (rings) from negatives (independent posters).</summary>
/// <param name="RocAuc">Area under the ROC curve in [0,1] (ties count one half); NaN without both classes.</param>
/// <param name="PrecisionAt10">Share of positives among the 10 highest scores.</param>
/// <param name="PrecisionAt100">Share of positives among the 100 highest scores.</param>
/// <param name="Positives">Number of positives.</param>
/// <param name="Negatives">Number of negatives.</param>
public sealed record RiskEvaluation(double RocAuc, double PrecisionAt10, double PrecisionAt100, int Positives, int Negatives);
