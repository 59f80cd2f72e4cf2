namespace NetworkAnalysis.Core.Risk;

/// <summary>What a signal found in one cluster.</summary>
/// <param name="Strength">In [0,1]; 0 means the indicator did not fire.</param>
/// <param name="Summary">One sentence without identifier values (those go in <paramref name="Subjects"/>).</param>
/// <param name="Subjects">Identifiers the summary is about.</param>
internal readonly record struct SignalOutcome(double Strength, string Summary, IReadOnlyList<RiskEntityRef> Subjects)
{
    public static SignalOutcome None { get; } = new(0, "", []);
}

/// <summary>Evaluates one indicator definition on one cluster. Implementations are stateless and thread-safe.</summary>
internal interface IRiskSignal
{
    SignalOutcome Evaluate(ClusterView view, EvidenceSink evidence);
}
