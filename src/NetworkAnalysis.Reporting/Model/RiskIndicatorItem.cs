namespace NetworkAnalysis.Reporting.Model;

/// <summary>One risk indicator that fired for a cluster, with its share of the score and the evidence.</summary>
/// <param name="Name">Short name of the indicator.</param>
/// <param name="Description">What the indicator looks for and its source.</param>
/// <param name="Weight">Configured weight of the indicator.</param>
/// <param name="Contribution">Points this indicator added to the cluster's score.</param>
/// <param name="Evidence">Human-readable evidence lines (hostile text: may quote ads).</param>
public sealed record RiskIndicatorItem(string Name, string Description, double Weight, double Contribution, IReadOnlyList<string> Evidence);
